"""The waiting list: freed seats are offered to the first waiting group that fits, held
until the offer expires, then passed on. Closing a slot tells everyone."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from tsunagu.experiences import services
from tsunagu.experiences.models import BookingStatus, Slot, SlotStatus, WaitlistStatus
from tsunagu.experiences.tests.factories import SlotFactory

pytestmark = pytest.mark.django_db


def _visitor(name, participants):
    return {
        "participants": participants,
        "language": "en",
        "name": name,
        "email": f"{name.lower()}@example.org",
    }


@pytest.fixture
def full_slot():
    slot = SlotFactory(capacity=4, start=timezone.now() + timedelta(days=2))
    booking = services.booking_create(slot=slot, **_visitor("Ann", 2))
    services.booking_create(slot=slot, **_visitor("Bob", 2))
    return slot, booking


def test_freed_seats_go_to_the_first_waiting_group_that_fits(
    full_slot, django_capture_on_commit_callbacks
):
    slot, booking = full_slot
    too_big = services.waitlist_join(slot=slot, **_visitor("Carol", 3))
    fits = services.waitlist_join(slot=slot, **_visitor("Dan", 2))
    later = services.waitlist_join(slot=slot, **_visitor("Eve", 1))
    assert {too_big.status, fits.status, later.status} == {WaitlistStatus.WAITING}
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.booking_cancel(booking=booking)
    too_big.refresh_from_db()
    fits.refresh_from_db()
    later.refresh_from_db()
    assert too_big.status == WaitlistStatus.WAITING
    assert fits.status == WaitlistStatus.OFFERED
    assert later.status == WaitlistStatus.WAITING
    assert Slot.objects.get(pk=slot.pk).seats_taken == 4  # the offer holds the seats
    offers = [m for m in mail.outbox if m.to == ["dan@example.org"]]
    assert len(offers) == 1
    assert f"/offers/{fits.token}/" in offers[0].body

    new_booking = services.waitlist_offer_accept(entry=fits)
    assert new_booking.participants == 2
    assert new_booking.status == BookingStatus.CONFIRMED
    assert Slot.objects.get(pk=slot.pk).seats_taken == 4
    with pytest.raises(ValidationError):
        services.waitlist_offer_accept(entry=fits)


def test_an_expired_offer_passes_the_seats_on(full_slot):
    slot, booking = full_slot
    first = services.waitlist_join(slot=slot, **_visitor("Dan", 2))
    second = services.waitlist_join(slot=slot, **_visitor("Eve", 2))
    services.booking_cancel(booking=booking)
    first.refresh_from_db()
    assert first.status == WaitlistStatus.OFFERED
    assert services.waitlist_offers_expire(now=first.offer_expires_at) == 1
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == WaitlistStatus.EXPIRED
    assert second.status == WaitlistStatus.OFFERED
    assert Slot.objects.get(pk=slot.pk).seats_taken == 4
    with pytest.raises(ValidationError):
        services.waitlist_offer_accept(entry=first)


def test_the_offer_never_outlasts_the_session(full_slot):
    slot, booking = full_slot
    entry = services.waitlist_join(slot=slot, **_visitor("Dan", 1))
    services.booking_cancel(booking=booking)
    entry.refresh_from_db()
    assert entry.offer_expires_at <= slot.start


def test_joining_when_seats_are_free_offers_them_at_once():
    slot = SlotFactory(capacity=4)
    entry = services.waitlist_join(slot=slot, **_visitor("Dan", 2))
    assert entry.status == WaitlistStatus.OFFERED
    with pytest.raises(ValidationError):
        services.waitlist_join(slot=slot, **_visitor("Dan", 1))


def test_closing_a_slot_cancels_its_bookings_and_emails_everyone(
    full_slot, django_capture_on_commit_callbacks
):
    slot, _booking = full_slot
    waiting = services.waitlist_join(slot=slot, **_visitor("Dan", 2))
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        cancelled = services.slot_close(slot=slot, reason="Kiln repair")
    assert len(cancelled) == 2
    slot.refresh_from_db()
    assert slot.status == SlotStatus.CLOSED
    assert set(slot.bookings.values_list("status", flat=True)) == {
        BookingStatus.CANCELLED_BY_WORKSHOP
    }
    waiting.refresh_from_db()
    assert waiting.status == WaitlistStatus.WITHDRAWN
    assert sorted(m.to[0] for m in mail.outbox) == [
        "ann@example.org",
        "bob@example.org",
        "dan@example.org",
    ]
    assert all("Kiln repair" in m.body for m in mail.outbox if m.to[0] != "dan@example.org")
    with pytest.raises(ValidationError):
        services.slot_close(slot=slot)
