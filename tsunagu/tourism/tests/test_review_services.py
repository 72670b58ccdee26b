from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from tsunagu.accounts.roles import Role
from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.tourism.models import ApplicationStatus, Certificate
from tsunagu.tourism.services.reviews import (
    appeal_decide,
    appeal_lodge,
    appeal_reviewer_assign,
    application_decide,
    assessor_assign,
    conflict_declare,
    scores_save,
)
from tsunagu.tourism.tests.factories import in_panel, score_all, submitted_application

pytestmark = pytest.mark.usefixtures("english_messages")


def test_assessor_with_conflict_cannot_be_assigned(version, operator, member, staff, assessor):
    from tsunagu.tourism.services.applications import technical_check

    application = submitted_application(version, operator, member)
    technical_check(application=application, by=staff, accept=True)
    conflict_declare(assessor=assessor, operator=operator, note="my cousin runs it")
    with pytest.raises(ValidationError, match="conflict of interest"):
        assessor_assign(application=application, assessor=assessor, by=staff)


def test_only_assessors_can_be_assigned(version, operator, member, staff):
    application = submitted_application(version, operator, member)
    with pytest.raises(ValidationError, match="not an assessor"):
        assessor_assign(application=application, assessor=UserFactory(), by=staff)


def test_unassigned_assessor_cannot_score(version, operator, member, staff, assessor):
    application = in_panel(version, operator, member, staff, assessor)
    other = UserFactory(roles=[Role.ASSESSOR])
    with pytest.raises(PermissionDenied):
        score_all(application, other)


def test_scores_must_cover_every_item(version, operator, member, staff, assessor):
    application = in_panel(version, operator, member, staff, assessor)
    with pytest.raises(ValidationError, match=r"Score item 1\.1"):
        scores_save(application=application, assessor=assessor, scores={})
    assert not application.scores.exists()


def test_approval_issues_certificate_with_reasons(version, operator, member, staff, assessor):
    application = in_panel(version, operator, member, staff, assessor)
    score_all(application, assessor, "met")
    decision = application_decide(application=application, by=staff, reasons={"1": "Good plan"})
    assert decision.approved
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
    assert application.decision_reasons["1"] == "Good plan"
    assert application.decision_reasons["2"] == "3 of 3 items met."
    certificate = Certificate.objects.get()
    assert sorted(certificate.indicators.values_list("code", flat=True)) == ["1", "2"]
    assert certificate.expires_on == certificate.issued_on + timedelta(days=365)
    assert certificate.number.startswith(f"KSDGT-{certificate.issued_on.year}-")


def test_refusal_then_appeal_by_independent_reviewer(version, operator, member, staff, assessor):
    application = in_panel(version, operator, member, staff, assessor)
    score_all(application, assessor, "partly")
    assert not application_decide(application=application, by=staff, reasons={}).approved
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REFUSED
    assert "Mandatory items not met: 1.1." in application.decision_reasons["1"]
    appeal = appeal_lodge(application=application, by=member, grounds="Evidence overlooked")
    with pytest.raises(ValidationError, match="must not have decided"):
        appeal_reviewer_assign(appeal=appeal, reviewer=assessor, by=staff)
    reviewer = UserFactory(email="independent@example.org")
    appeal_reviewer_assign(appeal=appeal, reviewer=reviewer, by=staff)
    with pytest.raises(PermissionDenied):
        appeal_decide(appeal=appeal, by=staff, uphold=True, reason="x")
    appeal_decide(appeal=appeal, by=reviewer, uphold=True, reason="Evidence shows 1.1 met")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPROVED
    assert Certificate.objects.filter(application=application).exists()


def test_appeal_period_ends(version, operator, member, staff, assessor):
    application = in_panel(version, operator, member, staff, assessor)
    score_all(application, assessor, "not_met")
    application_decide(application=application, by=staff, reasons={})
    application.refresh_from_db()
    late = application.decided_at + timedelta(days=31)
    with pytest.raises(ValidationError, match="30 days has ended"):
        appeal_lodge(application=application, by=member, grounds="late", now=late)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.REFUSED
    assert timezone.now() < late
