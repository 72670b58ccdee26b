"""Writes for bookings: book, cancel (within the experience's policy), check in, no-show."""

from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from tsunagu.experiences.models import Booking, BookingStatus, Slot
from tsunagu.experiences.services._locking import retry_when_sqlite_is_locked
from tsunagu.experiences.services.emails import booking_email_on_commit
from tsunagu.experiences.services.seats import seats_release, seats_take
from tsunagu.experiences.services.visitors import contact, visitor_check
from tsunagu.experiences.services.waitlist import waitlist_offer_next


@retry_when_sqlite_is_locked
@transaction.atomic
def booking_create(
    *,
    slot: Slot,
    participants: int,
    language: str,
    name: str = "",
    email: str = "",
    user=None,
    needs: str = "",
    is_demo: bool = False,
) -> Booking:
    """Book seats, or raise ValidationError (code "full" when the seats are not free)."""
    user, name, email = contact(user, name, email)
    slot = Slot.objects.select_related("experience__workshop").get(pk=slot.pk)
    experience = visitor_check(
        slot=slot, participants=participants, language=language, name=name, email=email
    )
    if not seats_take(slot_id=slot.pk, seats=participants):
        raise ValidationError(_("Not enough free seats in this session."), code="full")
    booking = Booking.objects.create(
        slot=slot,
        user=user,
        name=name,
        email=email,
        participants=participants,
        language=language,
        needs=needs.strip(),
        site_language=translation.get_language() or settings.LANGUAGE_CODE,
        amount_due=experience.amount_due(participants),
        is_demo=is_demo,
    )
    booking_email_on_commit(booking, "booking_confirmed")
    return booking


def cancellation_deadline(booking: Booking) -> datetime | None:
    hours = booking.slot.experience.free_cancellation_hours
    return None if hours is None else booking.slot.start - timedelta(hours=hours)


def cancellation_within_policy(booking: Booking, *, now: datetime | None = None) -> bool | None:
    """True: a full refund (nothing owed); False: too late; None: the policy is custom text."""
    deadline = cancellation_deadline(booking)
    if deadline is None:
        return None
    return (now or timezone.now()) <= deadline


def booking_may_cancel(booking: Booking) -> bool:
    return booking.is_confirmed and booking.slot.start > timezone.now()


@retry_when_sqlite_is_locked
@transaction.atomic
def booking_cancel(*, booking: Booking) -> Booking:
    """The visitor cancels (until the session starts); the seats go to the waiting list."""
    booking = Booking.objects.select_related("slot__experience__workshop").get(pk=booking.pk)
    if not booking.is_confirmed:
        raise ValidationError(_("This booking is already cancelled."), code="already_cancelled")
    if booking.slot.start <= timezone.now():
        raise ValidationError(_("The session has started; it cannot be cancelled."), code="past")
    now = timezone.now()
    within = cancellation_within_policy(booking, now=now)
    changed = Booking.objects.filter(pk=booking.pk, status=BookingStatus.CONFIRMED).update(
        status=BookingStatus.CANCELLED, cancelled_at=now, cancelled_within_policy=within
    )
    if not changed:
        raise ValidationError(_("This booking is already cancelled."), code="already_cancelled")
    booking.refresh_from_db()
    seats_release(slot_id=booking.slot_id, seats=booking.participants)
    booking_email_on_commit(booking, "booking_cancelled")
    waitlist_offer_next(slot=booking.slot)
    return booking


def _managed_booking(*, code: str, workshop_ids: set[int] | None) -> Booking:
    bookings = Booking.objects.select_related("slot__experience__workshop")
    if workshop_ids is not None:
        bookings = bookings.filter(slot__experience__workshop_id__in=workshop_ids)
    booking = bookings.filter(code=code.strip().upper()).first()
    if booking is None:
        raise ValidationError(_("No booking with this code at your workshop."), code="unknown")
    return booking


@transaction.atomic
def booking_check_in(*, code: str, workshop_ids: set[int] | None) -> Booking:
    """Check in by confirmation code; `workshop_ids` limits it to the manager's workshops
    (None: any, for city staff)."""
    booking = _managed_booking(code=code, workshop_ids=workshop_ids)
    if not booking.is_confirmed:
        raise ValidationError(_("This booking is cancelled."), code="cancelled")
    if booking.checked_in_at is not None:
        raise ValidationError(_("Already checked in."), code="already_checked_in")
    booking.checked_in_at = timezone.now()
    booking.no_show = False
    booking.save(update_fields=["checked_in_at", "no_show"])
    return booking


@transaction.atomic
def booking_mark_no_show(*, code: str, workshop_ids: set[int] | None) -> Booking:
    """After the session has started; the seats stay taken (the session is under way)."""
    booking = _managed_booking(code=code, workshop_ids=workshop_ids)
    if not booking.is_confirmed or booking.checked_in_at is not None:
        raise ValidationError(
            _("Only confirmed bookings not checked in can be marked as no-shows."),
            code="not_no_show",
        )
    if booking.slot.start > timezone.now():
        raise ValidationError(_("The session has not started yet."), code="not_started")
    booking.no_show = True
    booking.save(update_fields=["no_show"])
    return booking
