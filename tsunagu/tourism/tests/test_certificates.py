from datetime import date, timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command

from tsunagu.tourism.models import CertificateStatus
from tsunagu.tourism.services.certificates import (
    certificate_extend,
    certificate_issue,
    certificate_status_set,
    certificates_daily,
)
from tsunagu.tourism.services.reviews import application_decide
from tsunagu.tourism.tests.factories import in_panel, score_all

pytestmark = pytest.mark.usefixtures("english_messages")
ISSUED = date(2026, 4, 1)


@pytest.fixture
def certificate(version, operator, member, staff, assessor):
    application = in_panel(version, operator, member, staff, assessor)
    score_all(application, assessor)
    application_decide(application=application, by=staff, reasons={})
    certificate = application.certificate
    certificate.issued_on = ISSUED
    certificate.expires_on = ISSUED + timedelta(days=365)
    certificate.save()
    return certificate


def test_reminders_then_extension_then_expiry(
    certificate, member, django_capture_on_commit_callbacks
):
    expires = certificate.expires_on
    with django_capture_on_commit_callbacks(execute=True):
        assert certificates_daily(today=expires - timedelta(days=61))["reminded_60"] == 0
        assert certificates_daily(today=expires - timedelta(days=60))["reminded_60"] == 1
        assert certificates_daily(today=expires - timedelta(days=59))["reminded_60"] == 0
        assert certificates_daily(today=expires - timedelta(days=14))["reminded_14"] == 1
    assert len(mail.outbox) == 2
    assert mail.outbox[0].to == [member.email]
    certificate_extend(
        certificate=certificate,
        by=member,
        statement="We continue",
        today=expires - timedelta(days=10),
    )
    certificate.refresh_from_db()
    assert certificate.expires_on == expires + timedelta(days=365)
    with pytest.raises(ValidationError, match="already been extended"):
        certificate_extend(
            certificate=certificate, by=member, statement="again", today=expires - timedelta(days=5)
        )
    assert certificates_daily(today=expires + timedelta(days=1))["expired"] == 0
    final = certificate.expires_on
    assert certificates_daily(today=final)["expired"] == 0
    assert certificates_daily(today=final + timedelta(days=1))["expired"] == 1
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.EXPIRED
    assert certificate.history.last().to_state == "expired"


def test_command_runs_with_given_day(certificate):
    call_command(
        "tourism_certificates_daily",
        "--today",
        (certificate.expires_on + timedelta(days=1)).isoformat(),
    )
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.EXPIRED


def test_suspend_and_revoke_need_reason(certificate, staff):
    with pytest.raises(ValidationError, match="reason"):
        certificate_status_set(certificate=certificate, by=staff, status="suspended", reason=" ")
    certificate_status_set(
        certificate=certificate, by=staff, status="suspended", reason="Complaint"
    )
    certificate_status_set(certificate=certificate, by=staff, status="revoked", reason="Confirmed")
    certificate.refresh_from_db()
    assert certificate.status == CertificateStatus.REVOKED
    with pytest.raises(ValidationError, match="not possible"):
        certificate_status_set(certificate=certificate, by=staff, status="current", reason="x")
    assert [h.to_state for h in certificate.history.all()] == ["current", "suspended", "revoked"]


def test_numbers_are_unique_per_year(certificate, version, operator, member, staff, assessor):
    from tsunagu.tourism.services.applications import application_create

    other = application_create(operator=operator, version=version, by=member)
    second = certificate_issue(application=other, codes=["1"], by=staff)
    assert second.number != certificate.number


def test_celery_task_runs_the_daily_service(certificate, monkeypatch):
    from tsunagu.tourism import tasks

    seen = {}
    monkeypatch.setattr(tasks, "certificates_daily", lambda: seen.setdefault("ran", {"expired": 0}))
    assert tasks.tourism_certificates_daily.delay().get() == {"expired": 0}
    assert seen["ran"] == {"expired": 0}
