"""Grant documents and report attachments pass the virus-scan hook (TSUNAGU_VIRUS_SCAN): one
rejected file rejects the whole submission and nothing is written."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from tsunagu.accounts.roles import Role
from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.core.models import Goal
from tsunagu.tourism_grants.models import ApplicationDocument, GrantApplication, ReportAttachment
from tsunagu.tourism_grants.services import application_save, award_decide, report_submit
from tsunagu.tourism_grants.tests.factories import (
    GrantCallFactory,
    SubmittedApplicationFactory,
    fake_pdf_upload,
    pdf_upload,
    png_upload,
)

pytestmark = pytest.mark.django_db

scanned = []


def reject_infected_names(file) -> str | None:
    """A stand-in scanner: rejects files named infected*, records every name it was shown."""
    scanned.append(file.name)
    return "Eicar-Test-Signature" if file.name.startswith("infected") else None


@pytest.fixture(autouse=True)
def _scanner(settings):
    settings.TSUNAGU_VIRUS_SCAN = "tsunagu.tourism_grants.tests.test_uploads.reject_infected_names"
    scanned.clear()


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


def test_clean_documents_are_scanned_and_stored():
    application = _save(UserFactory(), GrantCallFactory(), documents=[pdf_upload(), png_upload()])
    assert scanned == ["plan.pdf", "photo.png"]
    assert application.documents.count() == 2


def test_an_infected_document_rejects_the_whole_submission():
    with translation.override("en"), pytest.raises(ValidationError) as raised:
        _save(
            UserFactory(),
            GrantCallFactory(),
            documents=[pdf_upload(), pdf_upload("infected.pdf"), png_upload()],
        )
    assert raised.value.messages == [
        "infected.pdf was rejected by the virus scan: Eicar-Test-Signature"
    ]
    assert not GrantApplication.objects.exists()
    assert not ApplicationDocument.objects.exists()


def test_every_bad_file_is_named_at_once():
    with translation.override("en"), pytest.raises(ValidationError) as raised:
        _save(
            UserFactory(),
            GrantCallFactory(),
            documents=[pdf_upload("infected.pdf"), fake_pdf_upload("virus.pdf")],
        )
    messages = raised.value.messages
    assert len(messages) == 2
    assert messages[0].startswith("infected.pdf was rejected by the virus scan")
    assert messages[1] == "virus.pdf is not a PDF, JPEG or PNG file (checked by its content)."


def test_an_infected_document_leaves_the_draft_unchanged():
    applicant, call = UserFactory(), GrantCallFactory()
    draft = _save(applicant, call, submit=False, documents=[pdf_upload()])
    with pytest.raises(ValidationError):
        _save(
            applicant,
            call,
            application=draft,
            project_title="Changed",
            documents=[pdf_upload("infected.pdf")],
        )
    draft.refresh_from_db()
    assert (draft.project_title, draft.status) == ("Quiet morning canal walks", "draft")
    assert draft.documents.count() == 1


def test_an_infected_report_attachment_writes_no_report():
    application = SubmittedApplicationFactory()
    award = award_decide(
        application=application,
        amount_yen=500_000,
        decided_by=UserFactory(roles=[Role.CITY_STAFF]),
    )
    with pytest.raises(ValidationError, match=r"infected\.pdf"):
        report_submit(
            award=award,
            submitted_by=application.applicant,
            text="Done.",
            figures=[],
            attachments=[pdf_upload("report.pdf"), pdf_upload("infected.pdf")],
        )
    award.refresh_from_db()
    assert not hasattr(award, "report")
    assert not ReportAttachment.objects.exists()
