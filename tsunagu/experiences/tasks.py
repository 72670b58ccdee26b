"""Periodic tasks of the experiences app (scheduled in settings.CELERY_BEAT_SCHEDULE)."""

from datetime import timedelta

from celery import shared_task
from django.utils import timezone

from tsunagu.experiences.models import Schedule
from tsunagu.experiences.services import slots_generate, waitlist_offers_expire

SLOT_HORIZON_DAYS = 60


@shared_task(name="tsunagu.experiences.tasks.experiences_offers_expire")
def experiences_offers_expire() -> int:
    """Every 10 minutes: release seats held for waiting-list offers not accepted in time."""
    return waitlist_offers_expire()


@shared_task(name="tsunagu.experiences.tasks.experiences_slots_generate")
def experiences_slots_generate() -> int:
    """Daily: keep every schedule's sessions open SLOT_HORIZON_DAYS ahead (idempotent)."""
    today = timezone.localdate()
    until = today + timedelta(days=SLOT_HORIZON_DAYS)
    return sum(
        slots_generate(schedule=schedule, date_from=today, date_to=until)
        for schedule in Schedule.objects.select_related("experience__workshop")
    )
