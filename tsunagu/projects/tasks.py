"""Periodic tasks of the projects app (scheduled in settings.CELERY_BEAT_SCHEDULE)."""

from celery import shared_task
from django.utils import timezone

from tsunagu.projects.services import project_mark_stale_inactive


@shared_task(name="tsunagu.projects.tasks.projects_mark_stale_inactive")
def projects_mark_stale_inactive() -> int:
    """Daily: planned and active projects without a report for over 24 months become inactive."""
    return project_mark_stale_inactive(today=timezone.localdate())
