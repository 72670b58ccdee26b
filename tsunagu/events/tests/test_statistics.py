"""Yearly statistics: known counts from the selectors (database aggregation) and the page."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db.models.query import QuerySet
from django.utils import timezone

from tsunagu.accounts.models import OrganisationKind
from tsunagu.accounts.tests.factories import OrganisationFactory
from tsunagu.core.models import Goal, Target
from tsunagu.core.services import sdg_relations_set
from tsunagu.events import selectors
from tsunagu.events.models import (
    Audience,
    EventKind,
    EventMode,
    EventStatus,
    Registration,
    RegistrationStatus,
)
from tsunagu.events.services import minutes_save
from tsunagu.events.tests.factories import EventFactory, EventSeriesFactory
from tsunagu.projects.tests.factories import PartnerFactory, ProjectFactory

pytestmark = pytest.mark.django_db

TOKYO = ZoneInfo("Asia/Tokyo")


def held(year: int, month: int, day: int = 10, **fields):
    start = datetime(year, month, day, 19, tzinfo=TOKYO)
    return EventFactory(starts_at=start, ends_at=start + timedelta(hours=2), **fields)


def people(event, registered: int, attended: int, **fields) -> None:
    Registration.objects.bulk_create(
        Registration(
            event=event,
            name=f"P{n}",
            email=f"p{event.pk}-{n}@example.org",
            status=fields.get("status", RegistrationStatus.CONFIRMED),
            checked_in_at=event.starts_at if n < attended else None,
        )
        for n in range(registered)
    )


@pytest.fixture
def cafe_2021():
    """Eight online SDGs Cafés in 2021 with 500 people checked in, as the city reports."""
    series = EventSeriesFactory()
    attended = [58, 61, 66, 60, 64, 63, 62, 66]
    for index, count in enumerate(attended):
        event = held(
            2021,
            index + 1,
            series=series,
            number=12 + index,
            kind=EventKind.SDGS_CAFE,
            mode=EventMode.ONLINE,
        )
        people(event, registered=count + 3, attended=count)
    return series


def test_series_sentence_figures(cafe_2021):
    # a cancelled, a draft and an upcoming session are not "held"
    held(2021, 10, series=cafe_2021, number=30, status=EventStatus.CANCELLED)
    held(2021, 11, series=cafe_2021, number=31, status=EventStatus.DRAFT)
    EventFactory(series=cafe_2021, number=40)
    [row] = selectors.series_by_year()
    assert (row.series, row.year, row.events, row.online, row.participants) == (
        cafe_2021,
        2021,
        8,
        8,
        500,
    )


def test_participants_are_report_count_else_check_ins_else_registrations():
    reported = held(2022, 1, kind=EventKind.WORKSHOP)
    people(reported, registered=10, attended=5)
    minutes_save(event=reported, author=None, body_en="x", attendee_count=12)
    checked = held(2022, 2, kind=EventKind.WORKSHOP)
    people(checked, registered=10, attended=7)
    online = held(2022, 3, kind=EventKind.WORKSHOP, mode=EventMode.ONLINE)
    people(online, registered=9, attended=0)
    waitlisted = held(2022, 4, kind=EventKind.WORKSHOP)
    people(waitlisted, registered=4, attended=0, status=RegistrationStatus.WAITLISTED)
    [row] = selectors.events_by_kind_and_year()
    assert row["year"] == 2022
    assert row["kind"] == EventKind.WORKSHOP
    assert row["events"] == 4
    assert row["total_registered"] == 10 + 10 + 9 + 0
    assert row["total_attended"] == 5 + 7
    assert row["total_participants"] == 12 + 7 + 9 + 0


def test_years_follow_kanazawa_time():
    # 00:30 on 1 January 2022 in Kanazawa is still 2021 in UTC.
    start = datetime(2022, 1, 1, 0, 30, tzinfo=TOKYO)
    event = EventFactory(starts_at=start, ends_at=start + timedelta(hours=1))
    people(event, registered=2, attended=2)
    assert [row["year"] for row in selectors.events_by_kind_and_year()] == [2022]


def test_attendance_by_audience():
    public = held(2021, 5, audience=Audience.PUBLIC)
    people(public, registered=10, attended=8)
    students = held(2021, 6, audience=Audience.STUDENTS, school_level="high_school")
    people(students, registered=30, attended=25)
    rows = {row["audience"]: row for row in selectors.attendance_by_audience()}
    assert rows["public"]["events"] == 1
    assert rows["public"]["total_attended"] == 8
    assert rows["students"]["total_registered"] == 30
    assert rows["students"]["total_participants"] == 25
    assert selectors.attendance_by_audience(year=2020) == []


def test_statistics_take_a_fixed_number_of_queries(django_assert_max_num_queries, cafe_2021):
    with django_assert_max_num_queries(2):
        rows = selectors.events_by_kind_and_year()
        assert isinstance(selectors.held_events(), QuerySet)
    assert rows[0]["events"] == 8
    with django_assert_max_num_queries(2):
        selectors.series_by_year()


def test_partners_by_type_and_year():
    for year, kind in [
        (2019, OrganisationKind.COMPANY),
        (2019, OrganisationKind.COMPANY),
        (2019, OrganisationKind.NPO),
        (2021, OrganisationKind.UNIVERSITY),
    ]:
        PartnerFactory(organisation=OrganisationFactory(kind=kind), registered_on=date(year, 4, 1))
    PartnerFactory(registered_on=None)  # applied, not registered yet
    pivot = selectors.partners_by_kind_and_year()
    assert [code for code, _label in pivot.columns] == ["company", "npo", "university"]
    assert pivot.rows == [(2019, [2, 1, 0], 3), (2021, [0, 0, 1], 1)]
    assert pivot.totals == [2, 1, 1]
    assert pivot.total == 4


def test_sdg_coverage_counts_each_project_once_per_goal():
    goal_4 = Goal.objects.get(number=4)
    target_4_7 = Target.objects.get(code="4.7")
    both = ProjectFactory()
    sdg_relations_set(both, goals=[goal_4], targets=[target_4_7])  # goal 4 once, not twice
    through_target = ProjectFactory()
    sdg_relations_set(through_target, targets=[Target.objects.get(code="11.3")])
    draft = ProjectFactory(publication="draft")
    sdg_relations_set(draft, goals=[goal_4])
    coverage = {goal["number"]: goal["projects"] for goal in selectors.project_sdg_coverage()}
    assert len(coverage) == 17
    assert coverage[4] == 1
    assert coverage[11] == 1
    assert coverage[1] == 0


def test_statistics_page_in_both_languages(client, cafe_2021):
    PartnerFactory(registered_on=date(2021, 4, 1))
    en = client.get("/en/events/statistics/").content.decode()
    assert "SDGs Café: held 8 times in 2021 (8 online), 500 participants in total" in en
    assert "<caption>" in en
    assert '<th scope="col">' in en
    assert '<th scope="row">2021</th>' in en
    assert "Tsunagu registrations and check-ins" in en
    assert 'id="chart-data"' in en
    assert "vendor/echarts/echarts.min.js" in en
    ja = client.get("/events/statistics/").content.decode()
    assert '<html lang="ja">' in ja
    assert "SDGsカフェ" in ja


def test_event_counts_on_the_staff_page(client_as):
    event = EventFactory(starts_at=timezone.now() + timedelta(days=1))
    event.ends_at = event.starts_at + timedelta(hours=1)
    people(event, registered=3, attended=2)
    people(event, registered=0, attended=0)
    Registration.objects.create(event=event, name="W", email="w@example.org", status="waitlisted")
    Registration.objects.create(event=event, name="C", email="c@example.org", status="cancelled")
    counts = selectors.event_counts(event=event)
    assert (counts.confirmed, counts.waitlisted, counts.cancelled, counts.attended) == (3, 1, 1, 2)
