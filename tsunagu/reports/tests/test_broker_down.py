"""Generating a version while the job queue is down: the staff member is told so, the version
is marked failed with the reason, and the published report is untouched."""

import pytest
from django.test import Client

from tests.ops.celery_broker import celery_broker
from tests.ops.processes import free_port
from tsunagu.reports.models import ReportStatus, VersionStatus
from tsunagu.reports.services import reports as services

QUEUE_DOWN = "The background job queue is unavailable, so this job was not started."


@pytest.fixture
def published(report, staff, generate):
    live = generate(report)
    services.report_status_set(report=report, by=staff, status=ReportStatus.IN_REVIEW)
    services.report_publish(report=report, version=live, by=staff)
    report.refresh_from_db()
    return report, live


@pytest.fixture
def broker_down():
    """A Redis broker address nothing listens on: connections are refused at once."""
    with celery_broker(f"redis://127.0.0.1:{free_port()}/0"):
        yield


# Real commits: the build is queued when report_generate's transaction commits, inside the view.
@pytest.mark.django_db(transaction=True)
def test_generating_with_the_queue_down_fails_the_version_and_keeps_the_published_one(
    published, staff, broker_down
):
    report, live = published
    public_before = Client().get(f"/en/reports/{report.slug}/").content
    officer = Client()
    officer.force_login(staff)

    response = officer.post(
        f"/en/reports/builder/{report.slug}/act/", {"action": "generate"}, follow=True
    )

    assert response.status_code == 200
    assert QUEUE_DOWN in response.content.decode()
    assert "is being generated" not in response.content.decode()
    failed = report.versions.get(number=live.number + 1)
    assert failed.status == VersionStatus.FAILED
    assert failed.error.startswith(QUEUE_DOWN)
    assert not failed.snapshot
    report.refresh_from_db()
    assert report.published_version == live
    assert report.status == ReportStatus.PUBLISHED
    assert Client().get(f"/en/reports/{report.slug}/").content == public_before
