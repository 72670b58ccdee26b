"""Booking, cancelling within the policy, check-in and no-shows."""

from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone, translation

from tsunagu.experiences import services
from tsunagu.experiences.models import BookingStatus, Slot
from tsunagu.experiences.tests.factories import ExperienceFactory, SlotFactory

pytestmark = pytest.mark.django_db


def _book(slot, participants=2, **extra):
    fields = {"name": "Emma", "email": "emma@example.org", "language": "en"}
    return services.booking_create(slot=slot, participants=participants, **{**fields, **extra})


def test_booking_takes_seats_and_computes_the_amount_due(django_capture_on_commit_callbacks):
    slot = SlotFactory()
    with django_capture_on_commit_callbacks(execute=True):
        booking = _book(slot, participants=3)
    slot.refresh_from_db()
    assert slot.seats_taken == 3
    assert booking.amount_due == 3 * 3500
    assert booking.status == BookingStatus.CONFIRMED
    assert len(booking.code) == 8
    assert mail.outbox[0].to == ["emma@example.org"]


def test_group_price_replaces_the_price_per_participant():
    slot = SlotFactory(experience=ExperienceFactory(group_price=12000))
    assert _book(slot, participants=4).amount_due == 12000


@pytest.mark.parametrize(
    ("change", "code"),
    [
        ({"participants": 7}, "participants"),
        ({"participants": 0}, "participants"),
        ({"language": "fr"}, "language"),
        ({"name": "  "}, "contact"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(change, code):
    slot = SlotFactory()
    with pytest.raises(ValidationError) as caught:
        _book(slot, **{"participants": 2, **change})
    assert caught.value.code == code
    slot.refresh_from_db()
    assert slot.seats_taken == 0
    assert not slot.bookings.exists()


def test_a_full_slot_refuses_and_past_or_closed_slots_are_not_bookable():
    slot = SlotFactory(capacity=3)
    _book(slot, participants=2)
    with pytest.raises(ValidationError) as caught:
        _book(slot, participants=2, email="late@example.org")
    assert caught.value.code == "full"
    past = SlotFactory(start=timezone.now() - timedelta(hours=1))
    with pytest.raises(ValidationError):
        _book(past)
    unpublished = SlotFactory(experience=ExperienceFactory(is_published=False))
    with pytest.raises(ValidationError):
        _book(unpublished)
    assert Slot.objects.get(pk=slot.pk).seats_taken == 2


def test_cancelling_within_the_policy_owes_nothing_and_frees_the_seats():
    slot = SlotFactory(start=timezone.now() + timedelta(hours=48))
    booking = services.booking_cancel(booking=_book(slot))
    assert booking.status == BookingStatus.CANCELLED
    assert booking.cancelled_within_policy is True
    assert Slot.objects.get(pk=slot.pk).seats_taken == 0
    with translation.override("en"), pytest.raises(ValidationError, match="already cancelled"):
        services.booking_cancel(booking=booking)


def test_cancelling_after_the_deadline_is_recorded_as_outside_the_policy():
    slot = SlotFactory(start=timezone.now() + timedelta(hours=5))
    booking = services.booking_cancel(booking=_book(slot))
    assert booking.cancelled_within_policy is False


def test_a_custom_policy_has_no_deadline():
    experience = ExperienceFactory(free_cancellation_hours=None, cancellation_policy_en="Ask us")
    booking = services.booking_cancel(booking=_book(SlotFactory(experience=experience)))
    assert booking.cancelled_within_policy is None


def test_check_in_is_limited_to_the_managers_workshops():
    booking = _book(SlotFactory())
    other = SlotFactory()
    with pytest.raises(ValidationError):
        services.booking_check_in(code=booking.code, workshop_ids={other.experience.workshop_id})
    checked = services.booking_check_in(
        code=booking.code.lower(), workshop_ids={booking.slot.experience.workshop_id}
    )
    assert checked.checked_in_at is not None
    with pytest.raises(ValidationError):
        services.booking_check_in(code=booking.code, workshop_ids=None)


def test_no_show_only_after_the_start():
    booking = _book(SlotFactory())
    with pytest.raises(ValidationError):
        services.booking_mark_no_show(code=booking.code, workshop_ids=None)
    Slot.objects.filter(pk=booking.slot_id).update(start=timezone.now() - timedelta(minutes=5))
    assert services.booking_mark_no_show(code=booking.code, workshop_ids=None).no_show
