import pytest
from icalendar import Calendar

from tsunagu.events.models import Audience, EventStatus
from tsunagu.events.tests.factories import EventFactory, EventSeriesFactory

pytestmark = pytest.mark.django_db


def summaries(response) -> list[str]:
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    return [str(c["summary"]) for c in calendar.walk("VEVENT")]


def test_feed_lists_public_events_and_never_online_links(client):
    EventFactory(title_ja="公開イベント", online_url="https://meet.example.org/secret")
    EventFactory(title_ja="下書き", status=EventStatus.DRAFT)
    EventFactory(title_ja="パートナー限定", audience=Audience.PARTNERS_ONLY)
    response = client.get("/events/calendar.ics")
    assert summaries(response) == ["公開イベント"]
    assert b"meet.example.org" not in response.content


def test_series_feed_and_english_titles(client):
    cafe = EventSeriesFactory()
    EventFactory(title_ja="SDGsカフェ #19", title_en="SDGs Café #19", series=cafe, number=19)
    EventFactory(title_ja="別のイベント")
    assert summaries(client.get(f"/en/events/series/{cafe.slug}/calendar.ics")) == ["SDGs Café #19"]
    assert client.get("/events/series/nope/calendar.ics").status_code == 404
