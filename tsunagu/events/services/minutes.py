"""Minutes and closing report: every save is a new revision with its author and time."""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Max

from tsunagu.accounts.models import Organisation
from tsunagu.events.models import Event, Minutes, MinutesRevision
from tsunagu.partners.models import Partner
from tsunagu.projects.models import Project


def _names(objects: Iterable) -> list[str]:
    return sorted(str(obj) for obj in objects)


@transaction.atomic
def minutes_save(
    *,
    event: Event,
    author,
    body_ja: str = "",
    body_en: str = "",
    outcomes_ja: str = "",
    outcomes_en: str = "",
    attendee_count: int | None = None,
    is_published: bool = False,
    attending_organisations: Iterable[Organisation] = (),
    projects_created: Iterable[Project] = (),
    partners_matched: Iterable[Partner] = (),
) -> MinutesRevision:
    """Write the event's minutes (creating them on the first save) and keep this state as a
    new revision; earlier revisions are never changed."""
    minutes, _created = Minutes.objects.select_for_update().get_or_create(event=event)
    organisations = list(attending_organisations)
    projects = list(projects_created)
    partners = list(partners_matched)
    minutes.is_published = is_published
    minutes.attendee_count = attendee_count
    minutes.attending_organisations.set(organisations)
    minutes.projects_created.set(projects)
    minutes.partners_matched.set(partners)
    last = minutes.revisions.aggregate(last=Max("number"))["last"] or 0
    revision = MinutesRevision.objects.create(
        minutes=minutes,
        number=last + 1,
        body_ja=body_ja.strip(),
        body_en=body_en.strip(),
        outcomes_ja=outcomes_ja.strip(),
        outcomes_en=outcomes_en.strip(),
        attendee_count=attendee_count,
        is_published=is_published,
        links={
            "organisations": _names(organisations),
            "projects": _names(projects),
            "partners": _names(partners),
        },
        author=author,
    )
    minutes.current = revision
    minutes.save()
    return revision
