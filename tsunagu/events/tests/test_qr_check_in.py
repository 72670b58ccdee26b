"""The QR code on the confirmation page and checking in from a scanned QR code."""

import pytest
import segno

from tsunagu.events.services import registration_cancel, registration_create
from tsunagu.events.tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_confirmation_page_shows_a_qr_code_of_the_check_in_url(client):
    event = EventFactory()
    registration = registration_create(event=event, name="Aiko", email="aiko@example.org")
    html = client.get(f"/events/{event.pk}/registrations/{registration.code}/").content.decode()
    url = f"http://testserver/events/{event.pk}/check-in/?code={registration.code}"
    expected = segno.make(url, error="m").svg_inline(
        scale=5, border=4, title=f"QR code for check-in: {registration.code}", svgclass="qr"
    )
    # The page's SVG encodes exactly that URL (compare the modules, not the title's language).
    path = expected.split('d="', 1)[1].split('"', 1)[0]
    assert 'data-testid="qr-code"' in html
    assert path in html
    assert "<script" not in html.split('data-testid="qr-code"', 1)[1].split("</figure>", 1)[0]


def test_no_qr_code_without_a_seat(client):
    event = EventFactory(capacity=1)
    registration_create(event=event, name="Aiko", email="aiko@example.org")
    waiting = registration_create(event=event, name="Ben", email="ben@example.org")
    html = client.get(f"/en/events/{event.pk}/registrations/{waiting.code}/").content.decode()
    assert 'data-testid="qr-code"' not in html


def test_scanned_url_shows_the_registrant_and_a_confirm_button(client_as):
    event = EventFactory()
    registration = registration_create(event=event, name="Aiko", email="aiko@example.org")
    client = client_as("city_staff")
    url = f"/en/events/{event.pk}/check-in/?code={registration.code}"
    html = client.get(url).content.decode()
    assert "Aiko" in html
    assert f'name="code" value="{registration.code}"' in html
    assert "Confirm check-in of Aiko" in html
    registration.refresh_from_db()
    assert registration.checked_in_at is None  # opening the link alone checks nobody in
    html = client.post(
        f"/en/events/{event.pk}/check-in/", {"code": registration.code}, follow=True
    ).content.decode()
    assert "Welcome, Aiko" in html
    registration.refresh_from_db()
    assert registration.checked_in_at is not None
    html = client.get(url).content.decode()
    assert "already checked in" in html
    assert "Confirm check-in" not in html


def test_scanned_code_of_another_event_or_cancelled_is_explained(client_as):
    event, other = EventFactory(), EventFactory(title_en="Partners Meeting #8")
    elsewhere = registration_create(event=other, name="Ben", email="ben@example.org")
    cancelled = registration_create(event=event, name="Chie", email="chie@example.org")
    registration_cancel(registration=cancelled)
    client = client_as("city_staff")
    html = client.get(f"/en/events/{event.pk}/check-in/?code={elsewhere.code}").content.decode()
    assert "is for another event: Partners Meeting #8" in html
    html = client.get(f"/en/events/{event.pk}/check-in/?code={cancelled.code}").content.decode()
    assert "cancelled" in html
    assert "Confirm check-in" not in html
    html = client.get(f"/en/events/{event.pk}/check-in/?code=NOPE2345").content.decode()
    assert "No registration has the code NOPE2345" in html


def test_a_scanned_url_pasted_into_the_code_field_is_accepted(client_as):
    event = EventFactory()
    registration = registration_create(event=event, name="Aiko", email="aiko@example.org")
    scanned = f"https://tsunagu.example/events/{event.pk}/check-in/?code={registration.code}"
    html = (
        client_as("city_staff")
        .post(f"/en/events/{event.pk}/check-in/", {"code": scanned}, follow=True)
        .content.decode()
    )
    assert "Welcome, Aiko" in html


@pytest.mark.parametrize("role", ["plain_user", "partner_member", "assessor"])
def test_scanning_is_forbidden_to_non_staff(client_as, role):
    event = EventFactory()
    registration = registration_create(event=event, name="Aiko", email="aiko@example.org")
    url = f"/en/events/{event.pk}/check-in/?code={registration.code}"
    assert client_as(role).get(url).status_code == 403


def test_anonymous_scanner_logs_in_and_comes_back_to_the_code(client_as):
    event = EventFactory()
    response = client_as(None).get(f"/en/events/{event.pk}/check-in/?code=ABCD2345")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert "code%3DABCD2345" in response["Location"]
