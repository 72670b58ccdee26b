"""Reads for partner projects.

Who sees a project: everyone when it is published and its lead partner is public; staff and the
lead partner's members always; and the co-partners' members too (they appear on the project, so
they may check a draft before it goes out). Only staff and the lead partner's members edit
(policy.can_edit on the project's owner_organisation_id, the lead partner's organisation):
a co-partner joins a project, it does not take it over.
"""

from datetime import date

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from tsunagu.accounts.policy import can_view, is_city_staff, organisation_ids
from tsunagu.core.models import PublicationStatus
from tsunagu.partners.models import PUBLIC_STATUSES, Partner
from tsunagu.projects import light
from tsunagu.projects.models import ProgressReport, Project, ProjectStatus
from tsunagu.projects.services import REPORTING_STATUSES, last_activity_expression


def with_last_activity(projects: QuerySet[Project]) -> QuerySet[Project]:
    """Annotate `last_activity_at`: the last report's time, or the registration's."""
    return projects.annotate(last_activity_at=last_activity_expression())


def project_light(project: Project, *, now=None) -> str:
    """The traffic light of a project annotated by with_last_activity (or not: one query)."""
    if project.status not in (*REPORTING_STATUSES, ProjectStatus.INACTIVE):
        return light.NOT_APPLICABLE
    last = getattr(project, "last_activity_at", None)
    if last is None:
        report = project.progress_reports.order_by("-submitted_at").first()
        last = report.submitted_at if report else project.created_at
    return light.traffic_light(last, now or timezone.now())


def _light_filter(colour: str, today: date) -> Q:
    yellow = light.cutoff(today, light.YELLOW_AFTER_MONTHS)
    red = light.cutoff(today, light.RED_AFTER_MONTHS)
    reporting = Q(status__in=(*REPORTING_STATUSES, ProjectStatus.INACTIVE))
    if colour == light.GREEN:
        return reporting & Q(last_activity_at__gte=yellow)
    if colour == light.YELLOW:
        return reporting & Q(last_activity_at__lt=yellow, last_activity_at__gte=red)
    if colour == light.RED:
        return reporting & Q(last_activity_at__lt=red)
    return Q()


def public_projects() -> QuerySet[Project]:
    return Project.objects.filter(
        publication=PublicationStatus.PUBLISHED, lead_partner__status__in=PUBLIC_STATUSES
    )


def projects_running(*, start: date, end: date) -> QuerySet[Project]:
    """Published projects of public partners running at some time between `start` and `end`:
    started by `end` (registered by then when the start date is missing) and not ended
    before `start` (no end date: still running)."""
    return public_projects().filter(
        Q(starts_on__lte=end) | Q(starts_on__isnull=True, created_at__date__lte=end),
        Q(ends_on__isnull=True) | Q(ends_on__gte=start),
    )


def project_list(
    *,
    goal: int | None = None,
    status: str | None = None,
    partner: str | None = None,
    year: int | None = None,
    q: str | None = None,
    colour: str | None = None,
    today: date | None = None,
) -> QuerySet[Project]:
    """Published projects of public partners, newest first, annotated with last_activity_at.

    partner: an organisation slug (lead or co-partner); year: active at some time that year;
    q: a substring of the title or description in either language; colour: a traffic light.
    """
    projects = with_last_activity(public_projects()).select_related(
        "lead_partner__organisation", "area"
    )
    if goal:
        projects = projects.filter(sdg_relations__goal_id=goal)
    if status:
        projects = projects.filter(status=status)
    if partner:
        projects = projects.filter(
            Q(lead_partner__organisation__slug=partner) | Q(co_partners__organisation__slug=partner)
        )
    if year:
        projects = projects.filter(
            Q(starts_on__isnull=True) | Q(starts_on__year__lte=year),
            Q(ends_on__isnull=True) | Q(ends_on__year__gte=year),
        )
    if q:
        projects = projects.filter(
            Q(title_ja__icontains=q)
            | Q(title_en__icontains=q)
            | Q(description_ja__icontains=q)
            | Q(description_en__icontains=q)
        )
    if colour:
        projects = projects.filter(_light_filter(colour, today or timezone.localdate()))
    return projects.distinct().order_by("-created_at", "pk")


def _co_partner_member(user, project: Project) -> bool:
    ids = organisation_ids(user)
    return bool(ids) and project.co_partners.filter(organisation_id__in=ids).exists()


def project_may_view(user, project: Project) -> bool:
    return can_view(user, project) or _co_partner_member(user, project)


def project_get(*, slug: str, user) -> Project:
    """A project its viewer may see. Raises Project.DoesNotExist otherwise (a 404, not a 403:
    drafts do not reveal that they exist)."""
    project = (
        with_last_activity(Project.objects.all())
        .select_related("lead_partner__organisation", "area")
        .get(slug=slug)
    )
    if not project_may_view(user, project):
        raise Project.DoesNotExist
    return project


def project_detail_related(project: Project) -> dict:
    """What the detail page and the API show besides the project's own fields."""
    return {
        "co_partners": list(project.co_partners.select_related("organisation")),
        "goals": list(project.sdg_goals),
        "targets": list(project.sdg_targets),
        "local_targets": list(project.sdg_local_targets.select_related("target")),
        "deliverables": list(project.deliverables.all()),
        "resources": list(project.resources.select_related("provided_by__organisation")),
        "indicators": list(project.indicators.all()),
        "reports": list(
            project.progress_reports.order_by("-year").prefetch_related(
                Prefetch("deliverables_done")
            )
        ),
    }


def projects_for_partner(*, partner: Partner, user) -> QuerySet[Project]:
    """Projects the partner leads or joins, as the viewer may see them."""
    projects = with_last_activity(
        Project.objects.filter(Q(lead_partner=partner) | Q(co_partners=partner)).distinct()
    ).select_related("lead_partner__organisation")
    if is_city_staff(user):
        return projects
    ids = organisation_ids(user)
    visible = Q(publication=PublicationStatus.PUBLISHED, lead_partner__status__in=PUBLIC_STATUSES)
    if ids:
        visible |= Q(lead_partner__organisation_id__in=ids) | Q(
            Exists(
                Project.co_partners.through.objects.filter(
                    project_id=OuterRef("pk"), partner__organisation_id__in=ids
                )
            )
        )
    return projects.filter(visible)


def projects_editable_by(user) -> QuerySet[Project]:
    """The projects a user may edit: all for staff, else those their organisations lead."""
    projects = with_last_activity(Project.objects.select_related("lead_partner__organisation"))
    if is_city_staff(user):
        return projects
    return projects.filter(lead_partner__organisation_id__in=organisation_ids(user))


def lead_partner_choices(user) -> QuerySet[Partner]:
    """Partners a user may register a project for: staff any, members their own."""
    partners = Partner.objects.select_related("organisation").order_by("organisation__name_ja")
    if is_city_staff(user):
        return partners
    return partners.filter(organisation_id__in=organisation_ids(user))


def reporting_overdue(*, today: date | None = None) -> QuerySet[Project]:
    """For staff: projects that still owe a report (yellow or red), the longest silent first,
    drafts included."""
    today = today or timezone.localdate()
    return (
        with_last_activity(Project.objects.all())
        .filter(_light_filter(light.YELLOW, today) | _light_filter(light.RED, today))
        .select_related("lead_partner__organisation")
        .order_by("last_activity_at", "pk")
    )


def report_years(project: Project) -> set[int]:
    return set(ProgressReport.objects.filter(project=project).values_list("year", flat=True))
