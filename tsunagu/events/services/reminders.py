"""Reminder emails before an event.

Window: a confirmed registration at a published event gets one reminder when the event
starts between 24 and 48 hours from now. With the task running every hour, everyone
registered two days ahead is reminded about two days ahead; whoever registers (or is
promoted from the waiting list) within the last 24 hours has just had a confirmation and
gets no reminder. Each reminder is claimed by setting `reminded_at` in a conditional UPDATE
before it is sent, so overlapping runs never send it twice (at most once: if the mail server
fails, the failure is logged and not retried).
"""

from datetime import datetime, timedelta

from django.utils import timezone

from tsunagu.events.models import EventStatus, Registration, RegistrationStatus
from tsunagu.events.services.emails import registration_email_send

REMINDER_WINDOW = (timedelta(hours=24), timedelta(hours=48))


def reminders_send(*, now: datetime | None = None) -> int:
    """Send the reminders that are due; returns how many were sent."""
    now = now or timezone.now()
    earliest, latest = (now + offset for offset in REMINDER_WINDOW)
    due = Registration.objects.filter(
        status=RegistrationStatus.CONFIRMED,
        reminded_at__isnull=True,
        event__status=EventStatus.PUBLISHED,
        event__starts_at__gt=earliest,
        event__starts_at__lte=latest,
    ).select_related("event")
    sent = 0
    for registration in due:
        claimed = Registration.objects.filter(pk=registration.pk, reminded_at__isnull=True).update(
            reminded_at=now
        )
        if claimed and registration_email_send(registration, "reminder"):
            sent += 1
    return sent
