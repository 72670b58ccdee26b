"""The programme's open data: a ZIP of CSVs with a README of the fields.

Only public facts: approved or active partners' public profile, published events, and
attendance counts. No contact detail, name or email of a person ever enters it.
"""

import csv
import io
import zipfile

from django.db.models import Count, Q

from tsunagu.events.models import Event, EventStatus, RegistrationStatus
from tsunagu.partners.models import PUBLIC_STATUSES, Partner

README = """IMAGINE KANAZAWA 2030 open data (Tsunagu)
Licence: CC BY 4.0 (credit "IMAGINE KANAZAWA 2030 / Tsunagu"). Encoding UTF-8.

partners.csv  one row per approved or active partner
  slug, name_ja, name_en, type, size, registered_on (YYYY-MM-DD), status,
  sdgs (space-separated goal numbers), website
events.csv    one row per published or cancelled event
  id, title_ja, title_en, type, series, number, starts_at, ends_at (ISO 8601, Asia/Tokyo),
  mode (in_person, online, hybrid), place, audience, capacity (empty = no limit), status
attendance.csv  one row per event
  event_id, registered (confirmed seats), attended (checked in), waitlisted
"""


def _csv(rows: list[list]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def _partners() -> list[list]:
    rows = [
        ["slug", "name_ja", "name_en", "type", "size", "registered_on", "status", "sdgs", "website"]
    ]
    partners = Partner.objects.filter(status__in=PUBLIC_STATUSES).select_related("organisation")
    for partner in partners.order_by("organisation__slug"):
        organisation = partner.organisation
        goals = " ".join(str(n) for n in organisation.sdg_goals.values_list("number", flat=True))
        rows.append(
            [
                organisation.slug,
                organisation.name_ja,
                organisation.name_en or "",
                organisation.kind,
                partner.size,
                partner.registered_on or "",
                partner.status,
                goals,
                organisation.website,
            ]
        )
    return rows


def _events() -> tuple[list[list], list[list]]:
    events = (
        Event.objects.exclude(status=EventStatus.DRAFT)
        .select_related("series")
        .annotate(
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
        )
        .order_by("starts_at")
    )
    rows = [
        [
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
        ]
    ]
    attendance = [["event_id", "registered", "attended", "waitlisted"]]
    for event in events:
        rows.append(
            [
                event.pk,
                event.title_ja,
                event.title_en or "",
                event.kind,
                event.series.slug if event.series else "",
                event.number or "",
                event.starts_at.isoformat(),
                event.ends_at.isoformat(),
                event.mode,
                event.place,
                event.audience,
                event.capacity or "",
                event.status,
            ]
        )
        attendance.append([event.pk, event.registered, event.attended, event.waitlisted])
    return rows, attendance


def open_data_zip() -> bytes:
    events, attendance = _events()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", README)
        archive.writestr("partners.csv", _csv(_partners()))
        archive.writestr("events.csv", _csv(events))
        archive.writestr("attendance.csv", _csv(attendance))
    return buffer.getvalue()
