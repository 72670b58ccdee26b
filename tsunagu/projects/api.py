"""Project API: published projects of public partners, public fields only (no people)."""

from datetime import date

from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Router, Schema
from ninja.decorators import decorate_view
from ninja.pagination import paginate

from tsunagu.core.api_common import Pagination, Year
from tsunagu.core.cache import cached_for_anonymous
from tsunagu.partners.apps import CACHE_DOMAIN
from tsunagu.projects import selectors
from tsunagu.projects.models import Project

router = Router(tags=["projects"])


class PartnerRef(Schema):
    slug: str
    name_ja: str
    name_en: str | None


class DeliverableOut(Schema):
    title: str
    due_on: date | None
    is_done: bool
    done_on: date | None


class ResourceOut(Schema):
    kind: str
    description: str
    amount_jpy: int | None
    person_days: int | None
    provided_by: str | None


class ProjectReportOut(Schema):
    year: int
    submitted_on: date
    summary: str
    figures: dict[str, float]


class ProjectOut(Schema):
    slug: str
    title_ja: str
    title_en: str | None
    lead_partner: PartnerRef
    status: str
    goals: list[int]
    starts_on: date | None
    ends_on: date | None
    traffic_light: str
    last_activity_on: date

    @staticmethod
    def resolve_lead_partner(project: Project) -> dict:
        return _partner(project.lead_partner)

    @staticmethod
    def resolve_goals(project: Project) -> list[int]:
        return sorted(r.goal_id for r in project.sdg_relations.all() if r.goal_id)

    @staticmethod
    def resolve_traffic_light(project: Project) -> str:
        return selectors.project_light(project)

    @staticmethod
    def resolve_last_activity_on(project: Project) -> date:
        return timezone.localdate(project.last_activity_at)


class ProjectDetailOut(ProjectOut):
    description_ja: str
    description_en: str | None
    co_partners: list[PartnerRef]
    targets: list[str]
    local_targets: list[str]
    area: str | None
    place: str
    indicators: list[str]
    deliverables: list[DeliverableOut]
    resources: list[ResourceOut]
    reports: list[ProjectReportOut]
    is_demo: bool

    @staticmethod
    def resolve_description_ja(project: Project) -> str:
        return project.description_ja or ""

    @staticmethod
    def resolve_co_partners(project: Project) -> list[dict]:
        return [_partner(p) for p in project.related["co_partners"]]

    @staticmethod
    def resolve_targets(project: Project) -> list[str]:
        return [t.code for t in project.related["targets"]]

    @staticmethod
    def resolve_local_targets(project: Project) -> list[str]:
        return [lt.code for lt in project.related["local_targets"]]

    @staticmethod
    def resolve_area(project: Project) -> str | None:
        return project.area.code if project.area else None

    @staticmethod
    def resolve_indicators(project: Project) -> list[str]:
        return [i.code for i in project.related["indicators"]]

    @staticmethod
    def resolve_deliverables(project: Project) -> list:
        return project.related["deliverables"]

    @staticmethod
    def resolve_resources(project: Project) -> list[dict]:
        return [
            {
                "kind": r.kind,
                "description": r.description,
                "amount_jpy": r.amount_jpy,
                "person_days": r.person_days,
                "provided_by": r.provided_by.organisation.slug if r.provided_by else None,
            }
            for r in project.related["resources"]
        ]

    @staticmethod
    def resolve_reports(project: Project) -> list[dict]:
        return [
            {
                "year": r.year,
                "submitted_on": timezone.localdate(r.submitted_at),
                "summary": r.summary,
                "figures": r.figures,
            }
            for r in project.related["reports"]
        ]


def _partner(partner) -> dict:
    organisation = partner.organisation
    return {
        "slug": organisation.slug,
        "name_ja": organisation.name_ja,
        "name_en": organisation.name_en,
    }


@router.get("/projects", response=list[ProjectOut])
@decorate_view(cached_for_anonymous(CACHE_DOMAIN))
@paginate(Pagination, page_size=100)
def project_list(
    request: HttpRequest,
    goal: int | None = None,
    status: str | None = None,
    partner: str | None = None,
    year: Year | None = None,
    q: str | None = None,
):
    """Published projects of approved partners, newest first. partner: an organisation slug
    (lead or co-partner); year: active at some time in that year."""
    return selectors.project_list(
        goal=goal, status=status, partner=partner, year=year, q=q
    ).prefetch_related("sdg_relations")


@router.get("/projects/{slug}", response=ProjectDetailOut)
@decorate_view(cached_for_anonymous(CACHE_DOMAIN))
def project_detail(request: HttpRequest, slug: str):
    """One published project (drafts are not in the public API, whoever asks)."""
    try:
        project = (
            selectors.with_last_activity(selectors.public_projects())
            .select_related("lead_partner__organisation", "area")
            .get(slug=slug)
        )
    except Project.DoesNotExist:
        raise Http404 from None
    project.related = selectors.project_detail_related(project)
    return project
