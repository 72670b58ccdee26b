"""Emails to the applicant: receipt, award, decline, payment, report review; in their language,
sent only once the action has committed."""

from datetime import date

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import transaction

from tsunagu.accounts.roles import Role
from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.core.models import Goal
from tsunagu.tourism_grants.services import (
    application_reject,
    application_save,
    award_decide,
    payment_record,
    report_review,
    report_submit,
)
from tsunagu.tourism_grants.tests.factories import (
    GrantCallFactory,
    SubmittedApplicationFactory,
    fake_pdf_upload,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    return UserFactory(roles=[Role.CITY_STAFF])


@pytest.fixture
def applicant():
    return UserFactory(email="hana@example.org", full_name="Hana Kawabe", language="en")


@pytest.fixture
def application(applicant):
    return SubmittedApplicationFactory(
        applicant=applicant, project_title="Canal walks", requested_yen=800_000
    )


def _submit(applicant, call, **overrides):
    arguments = {
        "applicant": applicant,
        "call": call,
        "project_title": "Canal walks",
        "description": "Early walks that keep the canals calm.",
        "requested_yen": 600_000,
        "goals": Goal.objects.filter(number__in=[11]),
        "budget_lines": [("Maps", 600_000)],
        "submit": True,
    }
    arguments.update(overrides)
    return application_save(**arguments)


def test_submission_sends_a_receipt(applicant, django_capture_on_commit_callbacks):
    call = GrantCallFactory(title_en="Pioneers grant")
    with django_capture_on_commit_callbacks(execute=True):
        application = _submit(applicant, call)
    [message] = mail.outbox
    assert message.to == ["hana@example.org"]
    assert message.subject == "Grant application received: Canal walks"
    assert "Dear Hana Kawabe," in message.body
    assert 'We have received your application "Canal walks" to "Pioneers grant".' in message.body
    assert "¥600,000" in message.body
    assert f"/en/tourism/grants/applications/{application.pk}/" in message.body


def test_a_draft_or_a_refused_submission_sends_nothing(
    applicant, django_capture_on_commit_callbacks
):
    call = GrantCallFactory()
    with django_capture_on_commit_callbacks(execute=True):
        _submit(applicant, call, submit=False)
        with pytest.raises(ValidationError):
            _submit(applicant, call, documents=[fake_pdf_upload()])
    assert not mail.outbox


def test_award_tells_the_amount(application, staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        award_decide(application=application, amount_yen=700_000, decided_by=staff)
    [message] = mail.outbox
    assert message.subject == "Grant awarded: Canal walks"
    assert "Award amount: ¥700,000" in message.body
    assert "Requested: ¥800,000" in message.body


def test_decline_is_sent(application, staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        application_reject(application=application, decided_by=staff)
    [message] = mail.outbox
    assert message.subject == "Decision on your grant application: Canal walks"
    assert "will not be funded" in message.body


def test_each_payment_is_sent(application, staff, django_capture_on_commit_callbacks):
    award = award_decide(application=application, amount_yen=700_000, decided_by=staff)
    with django_capture_on_commit_callbacks(execute=True):
        payment_record(
            award=award,
            amount_yen=300_000,
            paid_on=date(2026, 7, 1),
            recorded_by=staff,
            note="First instalment",
        )
    [message] = mail.outbox
    assert message.subject == "Grant payment made: Canal walks"
    assert "A payment of ¥300,000" in message.body
    assert "Paid so far: ¥300,000" in message.body
    assert "Still to be paid: ¥400,000" in message.body
    assert "First instalment" in message.body


def test_report_review_is_sent_with_the_comment(
    application, staff, django_capture_on_commit_callbacks
):
    award = award_decide(application=application, amount_yen=700_000, decided_by=staff)
    report = report_submit(
        award=award, submitted_by=application.applicant, text="Done.", figures=[]
    )
    with django_capture_on_commit_callbacks(execute=True):
        report_review(report=report, reviewed_by=staff, accept=False, comment="Add photos.")
        report_review(report=report, reviewed_by=staff, accept=True)
    returned, accepted = mail.outbox
    assert returned.subject == "Your grant report has been reviewed: Canal walks"
    assert "returned for changes" in returned.body
    assert "Comment: Add photos." in returned.body
    assert "has been accepted" in accepted.body


def test_the_email_is_in_japanese_by_default(staff, django_capture_on_commit_callbacks):
    application = SubmittedApplicationFactory(
        applicant=UserFactory(full_name="川辺 花子"), requested_yen=800_000
    )
    assert application.applicant.language == "ja"
    with django_capture_on_commit_callbacks(execute=True):
        award_decide(application=application, amount_yen=700_000, decided_by=staff)
    body = mail.outbox[0].body
    assert "川辺 花子様" in body
    assert "申請額: ¥800,000" in body
    assert "/tourism/grants/applications/" in body
    assert "/en/" not in body


@transaction.atomic
def _award_then_fail(application, staff):
    award_decide(application=application, amount_yen=700_000, decided_by=staff)
    raise RuntimeError("the surrounding action failed")


def test_a_rolled_back_action_sends_nothing(application, staff, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError):
            _award_then_fail(application, staff)
        award = award_decide(application=application, amount_yen=700_000, decided_by=staff)
        with pytest.raises(ValidationError):
            payment_record(
                award=award, amount_yen=900_000, paid_on=date(2026, 7, 1), recorded_by=staff
            )
    assert len(callbacks) == 1
    assert [m.subject for m in mail.outbox] == ["Grant awarded: Canal walks"]


def test_a_mail_failure_does_not_undo_the_decision(
    application, staff, monkeypatch, django_capture_on_commit_callbacks
):
    def refuse(backend, messages):
        raise ConnectionRefusedError("no mail server")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", refuse)
    with django_capture_on_commit_callbacks(execute=True):
        application_reject(application=application, decided_by=staff)
    application.refresh_from_db()
    assert application.status == "rejected"
    assert not mail.outbox


def test_demo_calls_send_nothing(staff, django_capture_on_commit_callbacks):
    application = SubmittedApplicationFactory(call=GrantCallFactory(is_demo=True))
    with django_capture_on_commit_callbacks(execute=True):
        award_decide(application=application, amount_yen=500_000, decided_by=staff)
    assert not mail.outbox
