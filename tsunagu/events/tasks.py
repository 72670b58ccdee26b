"""Periodic tasks of the events app (scheduled in settings.CELERY_BEAT_SCHEDULE)."""

from celery import shared_task

from tsunagu.events.services import reminders_send


@shared_task(name="tsunagu.events.tasks.event_reminders_send")
def event_reminders_send() -> int:
    """Hourly: remind confirmed registrants of events starting in 24–48 hours (once each)."""
    return reminders_send()
