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


def test_admin_tags_an_event_with_goals_and_targets_and_suggests_more(client_as):
    from tsunagu.core.models import Target
    from tsunagu.events.models import Event
    from tsunagu.suggestions.models import SdgSuggestion

    client = client_as("administrator")
    html = client.get("/admin/events/event/add/").content.decode()
    assert 'name="sdg_goals"' in html
    response = client.post(
        "/admin/events/event/add/",
        {
            "title_ja": "海辺の清掃と観察会",
            "title_en": "",
            "description_ja": "海岸のごみを拾い、海の生き物を観察します。",
            "description_en": "",
            "kind": "workshop",
            "status": "published",
            "starts_at_0": "2027-05-01",
            "starts_at_1": "10:00",
            "ends_at_0": "2027-05-01",
            "ends_at_1": "12:00",
            "mode": "in_person",
            "audience": "public",
            "school_level": "",
            "sdg_goals": ["17"],
            "sdg_targets": [str(Target.objects.get(code="11.4").pk)],
            "questions-TOTAL_FORMS": "0",
            "questions-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    event = Event.objects.get(title_ja="海辺の清掃と観察会")
    assert sorted(event.sdg_goals.values_list("number", flat=True)) == [11, 17]
    assert list(event.sdg_targets.values_list("code", flat=True)) == ["11.4"]
    assert SdgSuggestion.objects.filter(object_id=event.pk, goal_id=14).exists()
