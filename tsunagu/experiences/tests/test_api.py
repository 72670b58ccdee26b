"""The API: experiences, sessions with free seats, booking as a guest, cancelling."""

from datetime import timedelta

import pytest

from tsunagu.experiences.models import Booking, BookingStatus
from tsunagu.experiences.tests.factories import SlotFactory

pytestmark = pytest.mark.django_db

API = "/api/v1/crafts/experiences"


def test_list_and_slots(client):
    slot = SlotFactory(capacity=5, seats_taken=2)
    SlotFactory(
        experience=slot.experience, start=slot.start + timedelta(hours=2), capacity=3, seats_taken=3
    )
    [experience] = client.get(f"{API}/").json()
    assert experience["languages"] == ["ja", "en"]
    slots = client.get(f"{API}/{slot.experience.slug}/slots").json()
    assert [(s["id"], s["seats_free"]) for s in slots] == [(slot.pk, 3)]


def test_guest_books_is_waitlisted_when_full_and_cancels(client):
    slot = SlotFactory(capacity=2)
    payload = {"slot": slot.pk, "participants": 2, "language": "en", "name": "Emma"}
    response = client.post(
        f"{API}/bookings", {**payload, "email": "emma@example.org"}, content_type="application/json"
    )
    assert response.status_code == 201
    code = response.json()["code"]
    assert response.json()["amount_due"] == 7000
    full = client.post(
        f"{API}/bookings", {**payload, "email": "dan@example.org"}, content_type="application/json"
    )
    assert full.status_code == 409
    waiting = client.post(
        f"{API}/bookings",
        {**payload, "email": "dan@example.org", "waitlist_if_full": True},
        content_type="application/json",
    )
    assert waiting.status_code == 202
    wrong = client.post(
        f"{API}/bookings/{code}/cancel", {"email": "x@example.org"}, content_type="application/json"
    )
    assert wrong.status_code == 404
    cancel = client.post(
        f"{API}/bookings/{code}/cancel",
        {"email": "emma@example.org"},
        content_type="application/json",
    )
    assert cancel.status_code == 200
    assert Booking.objects.get(code=code).status == BookingStatus.CANCELLED
    assert slot.waitlist.get().status == "offered"


def test_bad_booking_is_a_400_and_writes_nothing(client):
    slot = SlotFactory()
    response = client.post(
        f"{API}/bookings",
        {"slot": slot.pk, "participants": 99, "language": "en", "name": "E", "email": "e@x.org"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert not Booking.objects.exists()


def test_session_booking_needs_the_csrf_token(users):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(users["plain_user"])
    slot = SlotFactory()
    response = client.post(
        f"{API}/bookings",
        {"slot": slot.pk, "participants": 1, "language": "ja"},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert not Booking.objects.exists()


def test_unknown_slot_is_a_404(client):
    response = client.post(
        f"{API}/bookings",
        {"slot": 999999, "participants": 1, "language": "en", "name": "E", "email": "e@x.org"},
        content_type="application/json",
    )
    assert response.status_code == 404
