"""Slots: generated from a schedule for a date range (idempotent), added by hand, closed."""

from datetime import date, datetime, time, timedelta

import jpholiday
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tsunagu.experiences.models import (
    Booking,
    BookingStatus,
    Experience,
    Schedule,
    Slot,
    SlotStatus,
    WaitlistEntry,
    WaitlistStatus,
)
from tsunagu.experiences.services._locking import retry_when_sqlite_is_locked
from tsunagu.experiences.services.emails import booking_email_on_commit, waitlist_email_on_commit


def schedule_start_times(schedule: Schedule) -> list[time]:
    try:
        return sorted(
            time.fromisoformat(part.strip()) for part in schedule.start_times.split(",") if part
        )
    except ValueError as error:
        raise ValidationError(
            _("Start times must look like 10:00,13:30."), code="start_times"
        ) from error


def schedule_closed_weekdays(schedule: Schedule) -> set[int]:
    parts = [part.strip() for part in schedule.closed_weekdays.split(",") if part.strip()]
    if not all(part in "0123456" and len(part) == 1 for part in parts):
        raise ValidationError(_("Closed weekdays are numbers from 0 to 6."), code="weekdays")
    return {int(part) for part in parts}


def schedule_open_days(schedule: Schedule, *, date_from: date, date_to: date) -> list[date]:
    """The days in [date_from, date_to] the schedule runs."""
    closed_weekdays = schedule_closed_weekdays(schedule)
    closures = set(
        schedule.experience.workshop.closures.filter(date__range=(date_from, date_to)).values_list(
            "date", flat=True
        )
    )
    first = max(date_from, schedule.valid_from)
    last = min(date_to, schedule.valid_until) if schedule.valid_until else date_to
    days = []
    day = first
    while day <= last:
        if (
            day.weekday() not in closed_weekdays
            and day not in closures
            and not (schedule.closed_on_public_holidays and jpholiday.is_holiday(day))
        ):
            days.append(day)
        day += timedelta(days=1)
    return days


@transaction.atomic
def slots_generate(*, schedule: Schedule, date_from: date, date_to: date) -> int:
    """Create the schedule's slots for the range; existing slots (same start) are kept as
    they are, so running it twice creates nothing new. Returns how many were created."""
    experience = schedule.experience
    duration = timedelta(minutes=experience.duration_minutes)
    zone = timezone.get_current_timezone()
    times = schedule_start_times(schedule)
    existing = set(
        experience.slots.filter(
            start__date__gte=date_from - timedelta(days=1),
            start__date__lte=date_to + timedelta(days=1),
        ).values_list("start", flat=True)
    )
    new = []
    for day in schedule_open_days(schedule, date_from=date_from, date_to=date_to):
        for start_time in times:
            start = datetime.combine(day, start_time, tzinfo=zone)
            if start in existing:
                continue
            new.append(
                Slot(
                    experience=experience,
                    schedule=schedule,
                    start=start,
                    end=start + duration,
                    capacity=schedule.capacity,
                )
            )
    Slot.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)


@transaction.atomic
def slot_create(*, experience: Experience, start: datetime, capacity: int) -> Slot:
    """A session outside the schedules (a manual slot)."""
    if capacity < 1:
        raise ValidationError(_("A session needs at least one seat."), code="capacity")
    if experience.slots.filter(start=start).exists():
        raise ValidationError(_("There is already a session at that time."), code="duplicate")
    return Slot.objects.create(
        experience=experience,
        start=start,
        end=start + timedelta(minutes=experience.duration_minutes),
        capacity=capacity,
    )


@retry_when_sqlite_is_locked
@transaction.atomic
def slot_close(*, slot: Slot, reason: str = "") -> list[Booking]:
    """Close a session: its bookings are cancelled by the workshop and their visitors (and
    those waiting) are told by email. Returns the cancelled bookings."""
    if not Slot.objects.filter(pk=slot.pk, status=SlotStatus.OPEN).update(
        status=SlotStatus.CLOSED, closed_reason=reason.strip(), seats_taken=0
    ):
        raise ValidationError(_("This session is already closed."), code="already_closed")
    slot.refresh_from_db()
    now = timezone.now()
    bookings = list(slot.bookings.filter(status=BookingStatus.CONFIRMED))
    Booking.objects.filter(pk__in=[b.pk for b in bookings]).update(
        status=BookingStatus.CANCELLED_BY_WORKSHOP, cancelled_at=now, cancelled_within_policy=True
    )
    for booking in bookings:
        booking.status, booking.cancelled_at = BookingStatus.CANCELLED_BY_WORKSHOP, now
        booking_email_on_commit(booking, "slot_closed")
    waiting = list(
        slot.waitlist.filter(status__in=[WaitlistStatus.WAITING, WaitlistStatus.OFFERED])
    )
    WaitlistEntry.objects.filter(pk__in=[e.pk for e in waiting]).update(
        status=WaitlistStatus.WITHDRAWN
    )
    for entry in waiting:
        waitlist_email_on_commit(entry, "waitlist_closed")
    return bookings
