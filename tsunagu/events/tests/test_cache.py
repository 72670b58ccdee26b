"""The public events list is served from the cache to anonymous visitors; a new or edited
event shows at once, and registrations (which the list does not show) leave it cached."""

import pytest

from tsunagu.core.tests.cache_visits import visit_anonymously
from tsunagu.events.services import registration_create
from tsunagu.events.tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_the_second_anonymous_visit_is_served_from_the_cache(committed):
    with committed():
        EventFactory(title_en="Gold leaf workshop")
    first, first_queries = visit_anonymously("/en/events/")
    again, again_queries = visit_anonymously("/en/events/")
    assert "Gold leaf workshop" in first
    assert again == first
    assert first_queries > 0
    assert again_queries == 0


def test_new_and_edited_events_show_at_once(committed):
    with committed():
        event = EventFactory(title_en="Gold leaf workshop")
    visit_anonymously("/en/events/")
    with committed():
        EventFactory(title_en="Lacquer evening")
        event.title_en = "Gold leaf masterclass"
        event.save()
    page = visit_anonymously("/en/events/")[0]
    assert "Lacquer evening" in page
    assert "Gold leaf masterclass" in page


def test_a_registration_leaves_the_list_cached(committed):
    with committed():
        event = EventFactory(title_en="Gold leaf workshop", capacity=10)
    visit_anonymously("/en/events/")
    with committed():
        registration_create(event=event, name="Aiko", email="aiko@example.org")
    assert visit_anonymously("/en/events/")[1] == 0
