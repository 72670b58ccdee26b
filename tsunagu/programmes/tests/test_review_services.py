"""Assigning, scoring (0–5 per criterion) and deciding, with the applicant's email."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from tsunagu.accounts.roles import Role
from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.programmes import selectors, services
from tsunagu.programmes.models import ApplicationStatus, Criterion, Participant, Score

ALL_FOUR = {c.value: 4 for c in Criterion}


@pytest.fixture
def application(submit):
    return submit(UserFactory(email="trainee@example.org", language="en"))


def test_assigned_assessor_scores_and_staff_see_averages(application, users):
    staff, assessor = users["city_staff"], users["assessor"]
    other = UserFactory(roles=[Role.ASSESSOR])
    services.assessor_assign(application=application, reviewer=assessor, by=staff)
    services.assessor_assign(application=application, reviewer=other, by=staff)
    services.scores_save(application=application, assessor=assessor, scores=ALL_FOUR, comments={})
    services.scores_save(
        application=application,
        assessor=other,
        scores={**ALL_FOUR, "quality": 1},
        comments={"quality": "粗い"},
    )
    averages = {row["criterion"]: row for row in selectors.score_averages(application)}
    assert averages[Criterion.QUALITY.label]["average"] == pytest.approx(2.5)
    assert averages[Criterion.PLAN.label]["average"] == pytest.approx(4)
    assert averages[Criterion.PLAN.label]["assessors"] == 2


def test_scoring_again_replaces_the_scores(application, users):
    services.assessor_assign(
        application=application, reviewer=users["assessor"], by=users["city_staff"]
    )
    for value in (2, 5):
        services.scores_save(
            application=application,
            assessor=users["assessor"],
            scores=dict.fromkeys(ALL_FOUR, value),
            comments={},
        )
    assert set(Score.objects.values_list("value", flat=True)) == {5}
    assert Score.objects.count() == len(Criterion)


def test_unassigned_assessor_cannot_score(application, users):
    with pytest.raises(PermissionDenied):
        services.scores_save(
            application=application, assessor=users["assessor"], scores=ALL_FOUR, comments={}
        )


def test_a_score_out_of_range_saves_nothing(application, users):
    services.assessor_assign(
        application=application, reviewer=users["assessor"], by=users["city_staff"]
    )
    with pytest.raises(ValidationError):
        services.scores_save(
            application=application,
            assessor=users["assessor"],
            scores={**ALL_FOUR, "plan": 6},
            comments={},
        )
    assert not Score.objects.exists()


def test_only_assessors_can_be_assigned_and_only_by_staff(application, users):
    with pytest.raises(ValidationError):
        services.assessor_assign(
            application=application, reviewer=users["plain_user"], by=users["city_staff"]
        )
    with pytest.raises(PermissionDenied):
        services.assessor_assign(
            application=application, reviewer=users["assessor"], by=users["assessor"]
        )


def test_award_makes_a_participant_and_emails_the_applicant(
    application, users, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.application_decide(
            application=application,
            decision=ApplicationStatus.AWARDED,
            reason="Excellent lacquer work.",
            by=users["city_staff"],
        )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.AWARDED
    assert application.decided_by == users["city_staff"]
    participant = Participant.objects.get(application=application)
    assert participant.user == application.applicant
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["trainee@example.org"]
    assert "Decision on your application" in message.subject
    assert "Awarded" in message.body
    assert "Excellent lacquer work." in message.body


def test_a_japanese_applicant_gets_a_japanese_email(
    submit, users, django_capture_on_commit_callbacks
):
    application = submit(UserFactory(language="ja"))
    with django_capture_on_commit_callbacks(execute=True):
        services.application_decide(
            application=application,
            decision=ApplicationStatus.REJECTED,
            reason="理由",
            by=users["city_staff"],
        )
    assert "理由" in mail.outbox[0].body


def test_decision_needs_a_reason_and_staff(application, users):
    with translation.override("en"), pytest.raises(ValidationError, match="reason"):
        services.application_decide(
            application=application, decision="awarded", reason=" ", by=users["city_staff"]
        )
    with pytest.raises(PermissionDenied):
        services.application_decide(
            application=application, decision="awarded", reason="ok", by=users["assessor"]
        )
    with pytest.raises(ValidationError):
        services.application_decide(
            application=application, decision="submitted", reason="ok", by=users["city_staff"]
        )
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED
    assert not mail.outbox


def test_changing_an_award_to_waitlisted_removes_the_participant(application, users):
    for decision in (ApplicationStatus.AWARDED, ApplicationStatus.WAITLISTED):
        services.application_decide(
            application=application, decision=decision, reason="r", by=users["city_staff"]
        )
    assert not Participant.objects.exists()
