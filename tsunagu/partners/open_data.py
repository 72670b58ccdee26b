"""The programme's open data, shared by the ZIP of CSVs and the API.

Only public facts: approved or active partners' public profile, published projects of public
partners, published (or cancelled) events and attendance counts. No contact detail, name or
email of a person ever enters it; the tests put such data in the database and look for it.
"""

import csv
import io
import zipfile
from collections.abc import Iterable

from django.db.models import Count, Max, Q

from tsunagu.accounts.models import Organisation
from tsunagu.core.models import PublicationStatus
from tsunagu.core.selectors import sdg_goal_numbers
from tsunagu.events.models import Event, EventStatus, RegistrationStatus
from tsunagu.partners.models import PUBLIC_STATUSES, Partner
from tsunagu.projects.models import Project

README = """IMAGINE KANAZAWA 2030 open data (Tsunagu)
Licence: CC BY 4.0 (credit "IMAGINE KANAZAWA 2030 / Tsunagu"). Encoding UTF-8.
The same rows are served as JSON, with filters, by the API: /api/v1/open-data/...
(?sdg=<goal>&type=<type>&year=<year>); see /api/v1/docs.

partners.csv  one row per approved or active partner
  slug, name_ja, name_en, type, sector, size, registered_on (YYYY-MM-DD), status,
  sdgs (space-separated goal numbers), website
projects.csv  one row per published project of a public partner
  slug, title_ja, title_en, lead_partner (slug), co_partners (space-separated slugs),
  status (planned, active, completed, stopped, inactive), starts_on, ends_on, sdgs,
  deliverables, deliverables_done, last_report_year
events.csv    one row per published or cancelled event
  id, title_ja, title_en, type, series, number, starts_at, ends_at (ISO 8601, Asia/Tokyo),
  mode (in_person, online, hybrid), place, audience, capacity (empty = no limit), status, sdgs
attendance.csv  one row per event
  event_id, registered (confirmed seats), attended (checked in), waitlisted
"""

PARTNER_FIELDS = [
    "slug",
    "name_ja",
    "name_en",
    "type",
    "sector",
    "size",
    "registered_on",
    "status",
    "sdgs",
    "website",
]
PROJECT_FIELDS = [
    "slug",
    "title_ja",
    "title_en",
    "lead_partner",
    "co_partners",
    "status",
    "starts_on",
    "ends_on",
    "sdgs",
    "deliverables",
    "deliverables_done",
    "last_report_year",
]
EVENT_FIELDS = [
    "id",
    "title_ja",
    "title_en",
    "type",
    "series",
    "number",
    "starts_at",
    "ends_at",
    "mode",
    "place",
    "audience",
    "capacity",
    "status",
    "sdgs",
]
ATTENDANCE_FIELDS = ["event_id", "registered", "attended", "waitlisted"]


def _sdgs(numbers: Iterable[int]) -> str:
    return " ".join(str(n) for n in numbers)


def partner_rows(
    *, sdg: int | None = None, kind: str | None = None, year: int | None = None
) -> list[dict]:
    partners = Partner.objects.filter(status__in=PUBLIC_STATUSES).select_related("organisation")
    if sdg:
        partners = partners.filter(organisation__sdg_relations__goal_id=sdg).distinct()
    if kind:
        partners = partners.filter(organisation__kind=kind)
    if year:
        partners = partners.filter(registered_on__year=year)
    partners = list(partners.order_by("organisation__slug"))
    goals = sdg_goal_numbers(Organisation, [p.organisation_id for p in partners])
    return [
        {
            "slug": p.organisation.slug,
            "name_ja": p.organisation.name_ja,
            "name_en": p.organisation.name_en or "",
            "type": p.organisation.kind,
            "sector": p.sector,
            "size": p.size,
            "registered_on": p.registered_on.isoformat() if p.registered_on else "",
            "status": p.status,
            "sdgs": _sdgs(goals.get(p.organisation_id, [])),
            "website": p.organisation.website,
        }
        for p in partners
    ]


def project_rows(
    *, sdg: int | None = None, status: str | None = None, year: int | None = None
) -> list[dict]:
    """`year` keeps the projects running during that year."""
    projects = Project.objects.filter(
        publication=PublicationStatus.PUBLISHED, lead_partner__status__in=PUBLIC_STATUSES
    ).select_related("lead_partner__organisation")
    if sdg:
        projects = projects.filter(sdg_relations__goal_id=sdg).distinct()
    if status:
        projects = projects.filter(status=status)
    if year:
        projects = projects.filter(
            Q(starts_on__year__lte=year) | Q(starts_on__isnull=True),
            Q(ends_on__year__gte=year) | Q(ends_on__isnull=True),
        )
    projects = list(
        projects.annotate(
            deliverable_count=Count("deliverables", distinct=True),
            deliverables_done_count=Count(
                "deliverables", filter=Q(deliverables__is_done=True), distinct=True
            ),
            last_report_year=Max("progress_reports__year"),
        ).order_by("slug")
    )
    goals = sdg_goal_numbers(Project, [p.pk for p in projects])
    co_partners: dict[int, list[str]] = {}
    through = Project.co_partners.through.objects.filter(
        project__in=projects, partner__status__in=PUBLIC_STATUSES
    ).values_list("project_id", "partner__organisation__slug")
    for project_id, slug in through.order_by("partner__organisation__slug"):
        co_partners.setdefault(project_id, []).append(slug)
    return [
        {
            "slug": p.slug,
            "title_ja": p.title_ja or p.title,
            "title_en": p.title_en or "",
            "lead_partner": p.lead_partner.organisation.slug,
            "co_partners": " ".join(co_partners.get(p.pk, [])),
            "status": p.status,
            "starts_on": p.starts_on.isoformat() if p.starts_on else "",
            "ends_on": p.ends_on.isoformat() if p.ends_on else "",
            "sdgs": _sdgs(goals.get(p.pk, [])),
            "deliverables": p.deliverable_count,
            "deliverables_done": p.deliverables_done_count,
            "last_report_year": p.last_report_year or "",
        }
        for p in projects
    ]


def event_rows(
    *, sdg: int | None = None, kind: str | None = None, year: int | None = None
) -> list[dict]:
    """Events with their attendance counts (registered, attended, waitlisted)."""
    events = Event.objects.exclude(status=EventStatus.DRAFT).select_related("series")
    if sdg:
        events = events.filter(sdg_relations__goal_id=sdg).distinct()
    if kind:
        events = events.filter(kind=kind)
    if year:
        events = events.filter(starts_at__year=year)
    events = list(
        events.annotate(
            registered=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)
            ),
            attended=Count(
                "registrations",
                filter=Q(
                    registrations__status=RegistrationStatus.CONFIRMED,
                    registrations__checked_in_at__isnull=False,
                ),
            ),
            waitlisted=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.WAITLISTED)
            ),
        ).order_by("starts_at", "pk")
    )
    goals = sdg_goal_numbers(Event, [e.pk for e in events])
    return [
        {
            "id": e.pk,
            "title_ja": e.title_ja or e.title,
            "title_en": e.title_en or "",
            "type": e.kind,
            "series": e.series.slug if e.series else "",
            "number": e.number or "",
            "starts_at": e.starts_at.isoformat(),
            "ends_at": e.ends_at.isoformat(),
            "mode": e.mode,
            "place": e.place,
            "audience": e.audience,
            "capacity": e.capacity or "",
            "status": e.status,
            "sdgs": _sdgs(goals.get(e.pk, [])),
            "registered": e.registered,
            "attended": e.attended,
            "waitlisted": e.waitlisted,
        }
        for e in events
    ]


def _csv(fields: list[str], rows: list[dict]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fields, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def open_data_zip() -> bytes:
    events = event_rows()
    attendance = [{"event_id": e["id"], **e} for e in events]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", README)
        archive.writestr("partners.csv", _csv(PARTNER_FIELDS, partner_rows()))
        archive.writestr("projects.csv", _csv(PROJECT_FIELDS, project_rows()))
        archive.writestr("events.csv", _csv(EVENT_FIELDS, events))
        archive.writestr("attendance.csv", _csv(ATTENDANCE_FIELDS, attendance))
    return buffer.getvalue()
