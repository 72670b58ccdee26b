"""The events page: filters (type, goal, month, format) and upcoming / past tabs."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tsunagu.core.models import Goal
from tsunagu.core.services import sdg_relations_set
from tsunagu.events.models import EventMode
from tsunagu.events.tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def past(days: int, **fields):
    start = timezone.now() - timedelta(days=days)
    return EventFactory(starts_at=start, ends_at=start + timedelta(hours=2), **fields)


def html(client, **params) -> str:
    response = client.get("/en/events/", params)
    assert response.status_code == 200
    return response.content.decode()


def test_upcoming_by_default_and_past_newest_first(client):
    EventFactory(title_en="Next week")
    past(30, title_en="Last month")
    past(300, title_en="Last year")
    upcoming = html(client)
    assert "Next week" in upcoming
    assert "Last month" not in upcoming
    assert 'aria-current="page" data-testid="tab-upcoming"' in upcoming
    earlier = html(client, when="past")
    assert "Next week" not in earlier
    assert earlier.index("Last month") < earlier.index("Last year")


def test_filter_by_goal(client):
    water = EventFactory(title_en="Canal walk")
    sdg_relations_set(water, goals=Goal.objects.filter(number=6))
    EventFactory(title_en="Card game")
    page = html(client, goal=6)
    assert "Canal walk" in page
    assert "Card game" not in page


def test_filter_by_format(client):
    EventFactory(title_en="Online café", mode=EventMode.ONLINE)
    EventFactory(title_en="Hybrid meeting", mode=EventMode.HYBRID)
    EventFactory(title_en="Room workshop", mode=EventMode.IN_PERSON)
    page = html(client, mode="online")
    assert "Online café" in page
    assert "Hybrid meeting" not in page
    assert "Room workshop" not in page


def test_tabs_keep_the_other_filters(client):
    page = html(client, kind="sdgs_cafe", mode="online")
    assert "?kind=sdgs_cafe&amp;mode=online&amp;when=past" in page


def test_a_month_in_the_past_shows_without_choosing_the_tab(client):
    event = past(400, title_en="Old café")
    month = timezone.localtime(event.starts_at).strftime("%Y-%m")
    assert "Old café" in html(client, month=month)


def test_invalid_filters_are_reported_not_crashing(client):
    page = html(client, goal=99, month="2030-13")
    assert "errorlist" in page
