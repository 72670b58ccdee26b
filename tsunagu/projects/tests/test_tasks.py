from datetime import datetime, time
from unittest.mock import patch

import pytest
from django.utils import timezone

from config.celery_app import app
from tsunagu.projects.light import months_before
from tsunagu.projects.models import Project, ProjectStatus
from tsunagu.projects.tasks import projects_mark_stale_inactive
from tsunagu.projects.tests.factories import ProjectFactory

pytestmark = pytest.mark.django_db


def test_the_task_has_the_name_the_beat_schedule_uses(settings):
    scheduled = settings.CELERY_BEAT_SCHEDULE["projects-mark-stale-inactive"]["task"]
    assert projects_mark_stale_inactive.name == scheduled
    assert scheduled in app.tasks


def test_the_daily_task_marks_only_stale_active_and_planned_projects(own_partner):
    registered = timezone.make_aware(datetime(2024, 1, 10, 10))
    stale = ProjectFactory(lead_partner=own_partner, status=ProjectStatus.ACTIVE)
    planned = ProjectFactory(lead_partner=own_partner, status=ProjectStatus.PLANNED)
    completed = ProjectFactory(lead_partner=own_partner, status=ProjectStatus.COMPLETED)
    Project.objects.update(created_at=registered)
    fresh = ProjectFactory(lead_partner=own_partner, status=ProjectStatus.ACTIVE)

    def run_on(day):
        now = timezone.make_aware(datetime.combine(day, time(3)))
        with patch("django.utils.timezone.now", return_value=now):
            return projects_mark_stale_inactive.delay().get()

    assert run_on(months_before(registered.date(), -13)) == 0  # yellow is not inactive
    assert run_on(months_before(registered.date(), -24)) == 0  # exactly 24 months: not over
    assert run_on(months_before(registered.date(), -25)) == 2
    statuses = dict(Project.objects.values_list("pk", "status"))
    assert statuses[stale.pk] == statuses[planned.pk] == ProjectStatus.INACTIVE
    assert statuses[completed.pk] == ProjectStatus.COMPLETED
    assert statuses[fresh.pk] == ProjectStatus.ACTIVE
