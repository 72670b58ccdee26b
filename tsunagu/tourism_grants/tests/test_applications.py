"""Applying: drafts, submission checks, the deadline and uploads checked by content, atomically."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from tsunagu.accounts.tests.factories import OrganisationFactory, UserFactory
from tsunagu.core.models import Goal
from tsunagu.tourism_grants.models import ApplicationDocument, GrantApplication
from tsunagu.tourism_grants.services import application_save
from tsunagu.tourism_grants.tests.factories import (
    GrantCallFactory,
    fake_pdf_upload,
    pdf_upload,
    png_upload,
)

pytestmark = pytest.mark.django_db


def _save(applicant, call, **overrides):
    arguments = {
        "applicant": applicant,
        "call": call,
        "project_title": "Quiet morning canal walks",
        "description": "Early walks that keep the canals calm for residents.",
        "requested_yen": 600_000,
        "goals": Goal.objects.filter(number__in=[8, 11]),
        "budget_lines": [("Guide training", 250_000), ("Maps", 350_000)],
        "submit": True,
    }
    arguments.update(overrides)
    return application_save(**arguments)


def test_submit_with_documents_records_everything():
    applicant, call = UserFactory(), GrantCallFactory()
    application = _save(applicant, call, documents=[pdf_upload(), png_upload()])
    assert application.status == "submitted"
    assert application.submitted_at is not None
    assert sorted(application.goals.values_list("number", flat=True)) == [8, 11]
    assert application.budget_lines.count() == 2
    assert sorted(application.documents.values_list("content_type", flat=True)) == [
        "application/pdf",
        "image/png",
    ]
    assert application.documents.first().file.read().startswith((b"%PDF", b"\x89PNG"))


def test_draft_may_be_incomplete_and_is_completed_later():
    applicant, call = UserFactory(), GrantCallFactory()
    draft = _save(applicant, call, description="", goals=[], budget_lines=[], submit=False)
    assert draft.status == "draft"
    submitted = _save(applicant, call, application=draft)
    assert submitted.pk == draft.pk
    assert submitted.status == "submitted"
    with pytest.raises(ValidationError):
        _save(applicant, call, application=draft)  # no longer a draft


def test_submission_needs_matching_budget_and_an_sdg():
    applicant, call = UserFactory(), GrantCallFactory()
    with translation.override("en"), pytest.raises(ValidationError) as raised:
        _save(applicant, call, goals=[], budget_lines=[("Maps", 100)])
    assert "Choose at least one SDG." in raised.value.message_dict["goals"]
    assert "add up to ¥100" in raised.value.message_dict["budget_lines"][0]
    assert not GrantApplication.objects.exists()


def test_request_above_the_call_maximum_is_refused():
    call = GrantCallFactory(max_award_yen=500_000)
    with pytest.raises(ValidationError) as raised:
        _save(UserFactory(), call)
    assert "requested_yen" in raised.value.message_dict


def test_after_the_deadline_nothing_is_accepted():
    call = GrantCallFactory(deadline=timezone.now() - timedelta(minutes=1))
    with translation.override("en"), pytest.raises(ValidationError) as raised:
        _save(UserFactory(), call, submit=False)
    assert "closed" in raised.value.messages[0]
    assert not GrantApplication.objects.exists()


def test_the_deadline_is_exclusive():
    call = GrantCallFactory()
    with pytest.raises(ValidationError):
        _save(UserFactory(), call, now=call.deadline)
    assert _save(UserFactory(), call, now=call.deadline - timedelta(seconds=1)).pk


def test_a_bad_upload_writes_nothing():
    applicant, call = UserFactory(), GrantCallFactory()
    with translation.override("en"), pytest.raises(ValidationError) as raised:
        _save(applicant, call, documents=[pdf_upload(), fake_pdf_upload("virus.pdf")])
    assert "virus.pdf is not a PDF, JPEG or PNG" in raised.value.messages[0]
    assert not GrantApplication.objects.exists()
    assert not ApplicationDocument.objects.exists()


def test_a_bad_upload_leaves_an_existing_draft_unchanged():
    applicant, call = UserFactory(), GrantCallFactory()
    draft = _save(applicant, call, submit=False)
    with pytest.raises(ValidationError):
        _save(
            applicant,
            call,
            application=draft,
            project_title="Changed",
            documents=[fake_pdf_upload()],
        )
    draft.refresh_from_db()
    assert draft.project_title == "Quiet morning canal walks"
    assert draft.status == "draft"
    assert draft.budget_lines.count() == 2


def test_organisation_must_be_the_applicants():
    applicant, call = UserFactory(), GrantCallFactory()
    mine, theirs = OrganisationFactory(), OrganisationFactory()
    applicant.organisations.add(mine)
    assert _save(applicant, call, organisation=mine).organisation == mine
    with pytest.raises(ValidationError) as raised:
        _save(applicant, call, organisation=theirs)
    assert "organisation" in raised.value.message_dict


def test_only_the_applicant_edits_a_draft():
    call = GrantCallFactory()
    draft = _save(UserFactory(), call, submit=False)
    with pytest.raises(PermissionDenied):
        _save(UserFactory(), call, application=draft)
