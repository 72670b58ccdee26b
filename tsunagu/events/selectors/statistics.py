"""Yearly statistics: attendance, events and participants by type and year, partners by type
and year, SDG coverage of projects. All counting is done by the database (values() +
annotate()); Python only arranges the aggregated rows into tables.

Participants of an event: the attendee count of its minutes when staff entered one, else the
people checked in, else (nobody was checked in, e.g. an online event) the confirmed
registrations. An event counts as held when it is published and has started.
"""

from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, ExtractYear
from django.utils import timezone

from tsunagu.accounts.models import OrganisationKind
from tsunagu.core.models import Goal, SdgRelation
from tsunagu.events.models import (
    Audience,
    Event,
    EventKind,
    EventMode,
    EventSeries,
    EventStatus,
    Registration,
    RegistrationStatus,
)
from tsunagu.partners.models import Partner
from tsunagu.projects.models import Project
from tsunagu.projects.selectors import public_projects


def _registration_count(**conditions) -> Coalesce:
    counted = (
        Registration.objects.filter(event=OuterRef("pk"), **conditions)
        .order_by()
        .values("event")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def held_events(*, now=None) -> QuerySet[Event]:
    """Published events that have started, each annotated with registered, attended,
    participants and year; without the model's ordering, ready for values().annotate()."""
    return (
        Event.objects.filter(status=EventStatus.PUBLISHED, starts_at__lte=now or timezone.now())
        .order_by()
        .annotate(
            registered=_registration_count(status=RegistrationStatus.CONFIRMED),
            attended=_registration_count(
                status=RegistrationStatus.CONFIRMED, checked_in_at__isnull=False
            ),
        )
        .annotate(
            participants=Case(
                When(minutes__attendee_count__isnull=False, then=F("minutes__attendee_count")),
                When(attended__gt=0, then=F("attended")),
                default=F("registered"),
                output_field=IntegerField(),
            ),
            year=ExtractYear("starts_at"),
        )
    )


def _totals(rows: QuerySet) -> QuerySet:
    return rows.annotate(
        events=Count("pk"),
        online=Count("pk", filter=Q(mode=EventMode.ONLINE)),
        hybrid=Count("pk", filter=Q(mode=EventMode.HYBRID)),
        total_registered=Sum("registered"),
        total_attended=Sum("attended"),
        total_participants=Sum("participants"),
    )


def attendance_by_audience(*, year: int | None = None, now=None) -> list[dict]:
    """One row per audience type: events held, registered, attended, participants."""
    events = held_events(now=now)
    if year:
        events = events.filter(year=year)
    labels = dict(Audience.choices)
    rows = _totals(events.values("audience")).order_by("audience")
    return [{**row, "label": labels.get(row["audience"], row["audience"])} for row in rows]


def events_by_kind_and_year(*, now=None) -> list[dict]:
    """One row per (year, event type) with the events held and their participants."""
    labels = dict(EventKind.choices)
    rows = _totals(held_events(now=now).values("year", "kind")).order_by("year", "kind")
    return [{**row, "label": labels.get(row["kind"], row["kind"])} for row in rows]


@dataclass
class SeriesYear:
    series: EventSeries
    year: int
    events: int
    online: int
    hybrid: int
    participants: int


def series_by_year(*, now=None) -> list[SeriesYear]:
    """One row per (series, year): "SDGs Café: held 8 times in 2021 (8 online), 500
    participants in total"."""
    rows = list(
        _totals(
            held_events(now=now).filter(series__isnull=False).values("series", "year")
        ).order_by("series__slug", "year")
    )
    series = EventSeries.objects.in_bulk({row["series"] for row in rows})
    return [
        SeriesYear(
            series=series[row["series"]],
            year=row["year"],
            events=row["events"],
            online=row["online"],
            hybrid=row["hybrid"],
            participants=row["total_participants"] or 0,
        )
        for row in rows
    ]


@dataclass
class Pivot:
    """A year × category table: rows[i] = (year, [count per column], row total)."""

    columns: list[tuple[str, str]]
    rows: list[tuple[int, list[int], int]] = field(default_factory=list)
    totals: list[int] = field(default_factory=list)
    total: int = 0


def _pivot(counts: list[dict], key: str, value: str, choices) -> Pivot:
    present = {row[key] for row in counts}
    columns = [(code, label) for code, label in choices if code in present]
    by_cell = {(row["year"], row[key]): row[value] or 0 for row in counts}
    years = sorted({row["year"] for row in counts})
    pivot = Pivot(columns=columns)
    for year in years:
        cells = [by_cell.get((year, code), 0) for code, _label in columns]
        pivot.rows.append((year, cells, sum(cells)))
    pivot.totals = [sum(row[1][i] for row in pivot.rows) for i in range(len(columns))]
    pivot.total = sum(pivot.totals)
    return pivot


def partners_by_kind_and_year() -> Pivot:
    """Partners registered each year (Partner.registered_on) by organisation type."""
    counts = list(
        Partner.objects.filter(registered_on__isnull=False)
        .order_by()
        .values(year=ExtractYear("registered_on"), kind=F("organisation__kind"))
        .annotate(count=Count("pk"))
    )
    return _pivot(counts, "kind", "count", OrganisationKind.choices)


def events_pivot(rows: list[dict], value: str) -> Pivot:
    """events_by_kind_and_year arranged as a year × type table of `value`."""
    return _pivot(rows, "kind", value, EventKind.choices)


def project_sdg_coverage() -> list[dict]:
    """For each of the 17 goals, the number of published projects tagged with it (directly or
    through one of its targets or local targets), counted from the SdgRelation table."""
    counts = dict(
        SdgRelation.objects.filter(
            content_type=ContentType.objects.get_for_model(Project),
            object_id__in=public_projects().values("pk"),
        )
        .annotate(
            goal_number=Coalesce("goal_id", "target__goal_id", "local_target__target__goal_id")
        )
        .values("goal_number")
        .annotate(projects=Count("object_id", distinct=True))
        .values_list("goal_number", "projects")
    )
    return [
        {
            "number": goal.number,
            "title": goal.short_title,
            "colour": goal.colour,
            "projects": counts.get(goal.number, 0),
        }
        for goal in Goal.objects.order_by("number")
    ]
