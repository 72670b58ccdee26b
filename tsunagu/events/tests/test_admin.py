import pytest

from tsunagu.events.tests.factories import EventFactory, EventSeriesFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


def test_admin_edits_series_and_events_side_by_side(client_as):
    event = EventFactory(series=EventSeriesFactory(), number=3)
    client = client_as("administrator")
    for url in [
        "/admin/events/eventseries/",
        "/admin/events/eventseries/add/",
        "/admin/events/event/",
        f"/admin/events/event/{event.pk}/change/",
    ]:
        assert client.get(url).status_code == 200, url
    html = client.get("/admin/events/event/add/").content.decode()
    assert 'name="title_ja"' in html
    assert 'name="title_en"' in html


def test_registrations_are_read_only_in_the_admin(client_as):
    registration = RegistrationFactory()
    client = client_as("administrator")
    listing = client.get("/admin/events/registration/")
    assert listing.status_code == 200
    assert registration.code in listing.content.decode()
    assert client.get("/admin/events/registration/add/").status_code == 403
    detail = client.get(f"/admin/events/registration/{registration.pk}/change/")
    assert detail.status_code == 200
    assert 'name="_save"' not in detail.content.decode()
