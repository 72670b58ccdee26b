"""Assessors score per criterion when assigned; recipients report, staff review."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from tsunagu.accounts.roles import Role
from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.tourism_grants.selectors import application_weighted_score, call_review_rows
from tsunagu.tourism_grants.services import (
    assessor_assign,
    award_decide,
    figures_parse,
    report_review,
    report_submit,
    scores_record,
)
from tsunagu.tourism_grants.tests.factories import (
    CriterionFactory,
    SubmittedApplicationFactory,
    fake_pdf_upload,
    pdf_upload,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    return UserFactory(roles=[Role.CITY_STAFF])


def test_assigned_assessor_scores_and_the_weighted_score_follows(staff):
    application = SubmittedApplicationFactory()
    heavy = CriterionFactory(call=application.call, weight=3, max_score=5)
    light = CriterionFactory(call=application.call, weight=1, max_score=5)
    assessor = UserFactory(roles=[Role.ASSESSOR])
    with pytest.raises(PermissionDenied):
        scores_record(application=application, assessor=assessor, scores={heavy.pk: 5, light.pk: 0})
    assessor_assign(application=application, assessor=assessor, assigned_by=staff)
    scores_record(application=application, assessor=assessor, scores={heavy.pk: 5, light.pk: 0})
    assert application_weighted_score(application) == 75.0
    scores_record(application=application, assessor=assessor, scores={heavy.pk: 5, light.pk: 5})
    assert application_weighted_score(application) == 100.0
    assert application.scores.count() == 2
    assert call_review_rows(application.call)[0]["assessors"] == 1


def test_scores_must_cover_every_criterion_within_range(staff):
    application = SubmittedApplicationFactory()
    first = CriterionFactory(call=application.call)
    second = CriterionFactory(call=application.call)
    assessor = UserFactory(roles=[Role.ASSESSOR])
    assessor_assign(application=application, assessor=assessor, assigned_by=staff)
    with pytest.raises(ValidationError):
        scores_record(application=application, assessor=assessor, scores={first.pk: 3})
    with pytest.raises(ValidationError):
        scores_record(
            application=application, assessor=assessor, scores={first.pk: 3, second.pk: 6}
        )
    assert not application.scores.exists()


def test_only_assessors_are_assigned(staff):
    application = SubmittedApplicationFactory()
    with pytest.raises(ValidationError):
        assessor_assign(application=application, assessor=UserFactory(), assigned_by=staff)
    with pytest.raises(PermissionDenied):
        assessor_assign(
            application=application,
            assessor=UserFactory(roles=[Role.ASSESSOR]),
            assigned_by=UserFactory(),
        )


def test_report_submitted_by_the_recipient_and_reviewed_by_staff(staff):
    application = SubmittedApplicationFactory()
    award = award_decide(application=application, amount_yen=500_000, decided_by=staff)
    with pytest.raises(PermissionDenied):
        report_submit(award=award, submitted_by=UserFactory(), text="x", figures=[])
    figures = figures_parse("participants, 120, people\nworkshops, 4")
    report = report_submit(
        award=award,
        submitted_by=application.applicant,
        text="We ran four workshops.",
        figures=figures,
        attachments=[pdf_upload("report.pdf")],
    )
    assert report.figures[0] == {"label": "participants", "value": 120, "unit": "people"}
    assert report.attachments.count() == 1
    with pytest.raises(ValidationError):
        report_review(report=report, reviewed_by=staff, accept=False, comment="")
    report_review(report=report, reviewed_by=staff, accept=False, comment="Add photos.")
    assert report.status == "returned"
    report_submit(award=award, submitted_by=application.applicant, text="Again.", figures=[])
    report.refresh_from_db()
    assert report.status == "submitted"
    report_review(report=report, reviewed_by=staff, accept=True)
    with pytest.raises(ValidationError):
        report_submit(award=award, submitted_by=application.applicant, text="Late", figures=[])


def test_report_with_a_bad_attachment_writes_nothing(staff):
    application = SubmittedApplicationFactory()
    award = award_decide(application=application, amount_yen=500_000, decided_by=staff)
    with pytest.raises(ValidationError):
        report_submit(
            award=award,
            submitted_by=application.applicant,
            text="Done.",
            figures=[],
            attachments=[fake_pdf_upload()],
        )
    assert not hasattr(award, "report") or award.report is None


def test_figures_parse_rejects_non_numbers():
    with pytest.raises(ValidationError):
        figures_parse("participants, many")
