"""What each kind of object contributes to the search index, and whether it is public."""

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from tsunagu.events.models import Event
from tsunagu.partners.models import Partner
from tsunagu.projects.models import Project
from tsunagu.search.models import DocumentKind


def normalise(text: str) -> str:
    """The form both the index and the queries use: NFKC (full-width → ASCII), case-folded."""
    return unicodedata.normalize("NFKC", text).casefold()


@dataclass(frozen=True)
class Document:
    kind: str
    object_id: int
    title_ja: str
    title_en: str
    url_name: str
    url_arg: str
    body: str
    summary_ja: str = ""
    summary_en: str = ""


def _summary(text: str | None) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= 160 else text[:159] + "…"


def _join(parts: Iterable[str | None]) -> str:
    return normalise("\n".join(p for p in parts if p))


def partner_document(partner: Partner) -> Document | None:
    if not partner.is_published:
        return None
    organisation = partner.organisation
    return Document(
        DocumentKind.PARTNER,
        partner.pk,
        organisation.name_ja or organisation.name,
        organisation.name_en or "",
        "partners:partner_detail",
        organisation.slug,
        _join(
            [
                organisation.name_ja,
                organisation.name_en,
                organisation.description_ja,
                organisation.description_en,
                partner.offers,
                partner.needs,
                partner.tags,
                partner.offer_tags,
                partner.need_tags,
            ]
        ),
        _summary(organisation.description_ja),
        _summary(organisation.description_en),
    )


def project_document(project: Project) -> Document | None:
    if not project.is_published:
        return None
    return Document(
        DocumentKind.PROJECT,
        project.pk,
        project.title_ja or project.title,
        project.title_en or "",
        "projects:project_detail",
        project.slug,
        _join(
            [
                project.title_ja,
                project.title_en,
                project.description_ja,
                project.description_en,
                project.place,
                project.lead_partner.organisation.name_ja,
                project.lead_partner.organisation.name_en,
            ]
        ),
        _summary(project.description_ja),
        _summary(project.description_en),
    )


def event_document(event: Event) -> Document | None:
    if not event.is_published:
        return None
    return Document(
        DocumentKind.EVENT,
        event.pk,
        event.title_ja or event.title,
        event.title_en or "",
        "events:event_detail",
        str(event.pk),
        _join(
            [
                event.title_ja,
                event.title_en,
                event.description_ja,
                event.description_en,
                event.place,
                event.series.name_ja if event.series else "",
                event.series.name_en if event.series else "",
            ]
        ),
        _summary(event.description_ja),
        _summary(event.description_en),
    )


BUILDERS = {
    DocumentKind.PARTNER: (Partner.objects.select_related("organisation"), partner_document),
    DocumentKind.PROJECT: (
        Project.objects.select_related("lead_partner__organisation"),
        project_document,
    ),
    DocumentKind.EVENT: (Event.objects.select_related("series"), event_document),
}
