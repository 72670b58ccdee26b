import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from tsunagu.events.models import EventKind, EventStatus, Registration, RegistrationStatus
from tsunagu.events.services import registration_create
from tsunagu.events.tests.factories import EventFactory, EventSeriesFactory

pytestmark = pytest.mark.django_db

TOKYO = ZoneInfo("Asia/Tokyo")


def page(response) -> str:
    assert response.status_code == 200
    return response.content.decode()


def test_list_shows_published_events_only(client):
    EventFactory(title_en="Open workshop", title_ja="公開ワークショップ")
    EventFactory(title_en="Draft workshop", title_ja="下書き", status=EventStatus.DRAFT)
    en = page(client.get("/en/events/"))
    assert "Open workshop" in en
    assert "Draft workshop" not in en
    assert '<html lang="en">' in en
    ja = page(client.get("/events/"))
    assert "公開ワークショップ" in ja
    assert '<html lang="ja">' in ja


def test_list_filters_by_type_and_month(client):
    march = datetime(2030, 3, 10, 14, tzinfo=TOKYO)
    april = datetime(2030, 4, 1, 0, 30, tzinfo=TOKYO)  # still 31 March in UTC
    EventFactory(title_en="Cafe March", kind=EventKind.SDGS_CAFE, starts_at=march)
    EventFactory(title_en="Cafe April", kind=EventKind.SDGS_CAFE, starts_at=april)
    EventFactory(title_en="Workshop March", kind=EventKind.WORKSHOP, starts_at=march)
    by_kind = page(client.get("/en/events/", {"kind": "sdgs_cafe"}))
    assert "Cafe March" in by_kind
    assert "Cafe April" in by_kind
    assert "Workshop March" not in by_kind
    by_month = page(client.get("/en/events/", {"kind": "sdgs_cafe", "month": "2030-04"}))
    assert "Cafe April" in by_month
    assert "Cafe March" not in by_month


def test_detail_of_a_draft_is_not_found_for_the_public(client_as):
    event = EventFactory(status=EventStatus.DRAFT)
    assert client_as(None).get(f"/en/events/{event.pk}/").status_code == 404
    assert client_as("city_staff").get(f"/en/events/{event.pk}/").status_code == 200


def test_detail_shows_series_number_and_never_the_online_url(client):
    series = EventSeriesFactory()
    event = EventFactory(series=series, number=19, online_url="https://meet.example.org/secret")
    en = page(client.get(f"/en/events/{event.pk}/"))
    assert "SDGs Café #19" in en
    assert "meet.example.org/secret" not in en


def test_register_shows_the_code_and_the_online_url_to_the_confirmed(client):
    event = EventFactory(capacity=1, online_url="https://meet.example.org/secret")
    response = client.post(
        f"/en/events/{event.pk}/", {"name": "Aiko", "email": "aiko@example.org"}, follow=True
    )
    html = page(response)
    registration = Registration.objects.get(email="aiko@example.org")
    assert (
        response.redirect_chain[-1][0]
        == f"/en/events/{event.pk}/registrations/{registration.code}/"
    )
    assert registration.code in html
    assert "Your seat is confirmed" in html
    assert "https://meet.example.org/secret" in html
    waiting = client.post(
        f"/en/events/{event.pk}/", {"name": "Ben", "email": "ben@example.org"}, follow=True
    )
    html = page(waiting)
    assert "waiting list" in html
    assert "meet.example.org/secret" not in html


def test_duplicate_registration_shows_an_error_on_the_form(client):
    event = EventFactory()
    registration_create(event=event, name="Aiko", email="aiko@example.org")
    html = page(client.post(f"/en/events/{event.pk}/", {"name": "A", "email": "AIKO@example.org"}))
    assert "already registered" in html
    assert event.registrations.count() == 1


def test_logged_in_users_find_the_form_prefilled(client_as, users):
    event = EventFactory()
    html = page(client_as("plain_user").get(f"/en/events/{event.pk}/"))
    assert 'value="citizen@example.org"' in html
    assert f'value="{users["plain_user"].full_name}"' in html


def test_registration_page_is_reached_only_with_its_code(client):
    event = EventFactory()
    registration = registration_create(event=event, name="Aiko", email="aiko@example.org")
    assert client.get(f"/en/events/{event.pk}/registrations/WRONG234/").status_code == 404
    other = EventFactory()
    url_at_other = f"/en/events/{other.pk}/registrations/{registration.code}/"
    assert client.get(url_at_other).status_code == 404


def test_registrant_cancels_from_the_confirmation_page(client):
    event = EventFactory(capacity=1)
    holder = registration_create(event=event, name="Aiko", email="aiko@example.org")
    waiting = registration_create(event=event, name="Ben", email="ben@example.org")
    url = f"/en/events/{event.pk}/registrations/{holder.code}/"
    html = page(client.post(url + "cancel/", follow=True))
    assert "Your registration has been cancelled." in html
    waiting.refresh_from_db()
    assert waiting.status == RegistrationStatus.CONFIRMED


def test_cancel_after_the_deadline_shows_why(client):
    event = EventFactory()
    holder = registration_create(event=event, name="Aiko", email="aiko@example.org")
    event.cancellation_deadline = timezone.now() - timedelta(hours=1)
    event.save()
    url = f"/en/events/{event.pk}/registrations/{holder.code}/"
    html = page(client.post(url + "cancel/", follow=True))
    assert "cancellation deadline" in html
    holder.refresh_from_db()
    assert holder.status == RegistrationStatus.CONFIRMED


@pytest.mark.parametrize("role", ["plain_user", "partner_member", "assessor"])
def test_check_in_is_forbidden_to_non_staff(client_as, role):
    event = EventFactory()
    assert client_as(role).get(f"/en/events/{event.pk}/check-in/").status_code == 403
    assert (
        client_as(role).post(f"/en/events/{event.pk}/check-in/", {"code": "X"}).status_code == 403
    )


def test_check_in_sends_anonymous_visitors_to_log_in(client_as):
    event = EventFactory()
    response = client_as(None).get(f"/en/events/{event.pk}/check-in/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("role", ["city_staff", "administrator"])
def test_staff_check_in_and_see_the_counts(client_as, role):
    event = EventFactory(capacity=2)
    first = registration_create(event=event, name="Aiko", email="aiko@example.org")
    registration_create(event=event, name="Ben", email="ben@example.org")
    registration_create(event=event, name="Chie", email="chie@example.org")
    client = client_as(role)
    url = f"/en/events/{event.pk}/check-in/"
    html = page(client.get(url))
    counts = re.search(r'data-testid="check-in-counts">(.*?)</ul>', html, re.S).group(1)
    assert re.findall(r"<strong>(\d+)</strong>", counts) == ["2", "0", "1"]
    html = page(client.post(url, {"code": first.code.lower()}, follow=True))
    assert "Welcome, Aiko" in html
    counts = re.search(r'data-testid="check-in-counts">(.*?)</ul>', html, re.S).group(1)
    assert re.findall(r"<strong>(\d+)</strong>", counts) == ["2", "1", "1"]
    html = page(client.post(url, {"code": first.code}, follow=True))
    assert "already checked in" in html


def test_check_in_page_is_japanese_by_default(client_as):
    event = EventFactory()
    html = page(client_as("city_staff").get(f"/events/{event.pk}/check-in/"))
    assert '<html lang="ja">' in html
    assert 'autocapitalize="characters"' in html
