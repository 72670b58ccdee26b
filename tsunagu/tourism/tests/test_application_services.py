import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.tourism.models import Application, ApplicationStatus, AuditEntry, Evidence
from tsunagu.tourism.services.applications import (
    application_create,
    application_draft_save,
    application_submit,
    evidence_add,
    technical_check,
)
from tsunagu.tourism.tests.factories import (
    full_answers,
    pdf_upload,
    png_upload,
    submitted_application,
)

pytestmark = pytest.mark.usefixtures("english_messages")


def test_only_members_create_applications(version, operator):
    with pytest.raises(PermissionDenied):
        application_create(operator=operator, version=version, by=UserFactory())


def test_submit_lists_what_is_missing_and_changes_nothing(version, operator, member):
    application = application_create(operator=operator, version=version, by=member)
    application_draft_save(application=application, by=member, indicator_codes=["1"], answers={})
    with pytest.raises(ValidationError) as error:
        application_submit(application=application, by=member)
    messages = error.value.messages
    assert "Choose at least 2 indicators." in messages
    assert "These indicators must be addressed: 2" in messages
    assert "Answer item 1.1." in messages
    assert "Upload at least one piece of evidence." in messages
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT


def test_mandatory_item_cannot_be_not_applicable(version, operator, member):
    application = application_create(operator=operator, version=version, by=member)
    answers = full_answers(version)
    answers["1.1"] = ("na", "")
    application_draft_save(
        application=application, by=member, indicator_codes=["1", "2"], answers=answers
    )
    evidence_add(application=application, by=member, file=png_upload())
    with pytest.raises(ValidationError, match=r"1\.1 is mandatory"):
        application_submit(application=application, by=member)


def test_evidence_is_checked_by_content(version, operator, member):
    application = application_create(operator=operator, version=version, by=member)
    fake = SimpleUploadedFile("plan.pdf", b"MZ not a pdf", content_type="application/pdf")
    with pytest.raises(ValidationError, match="not a PDF, JPEG or PNG"):
        evidence_add(application=application, by=member, file=fake)
    empty = SimpleUploadedFile("empty.pdf", b"", content_type="application/pdf")
    with pytest.raises(ValidationError, match="empty"):
        evidence_add(application=application, by=member, file=empty)
    assert not Evidence.objects.exists()


def test_evidence_too_large(version, operator, member, monkeypatch):
    monkeypatch.setattr("tsunagu.tourism.services.evidence.MAX_EVIDENCE_BYTES", 10)
    application = application_create(operator=operator, version=version, by=member)
    with pytest.raises(ValidationError, match="larger than"):
        evidence_add(application=application, by=member, file=pdf_upload())


def reject_everything(file):
    return "EICAR test signature"


def test_virus_scan_hook_can_reject(version, operator, member, settings):
    settings.TSUNAGU_VIRUS_SCAN = (
        "tsunagu.tourism.tests.test_application_services.reject_everything"
    )
    application = application_create(operator=operator, version=version, by=member)
    with pytest.raises(ValidationError, match="EICAR"):
        evidence_add(application=application, by=member, file=pdf_upload())
    assert not Evidence.objects.exists()


def test_evidence_is_stored_outside_media_root(version, operator, member, settings, tmp_path):
    application = application_create(operator=operator, version=version, by=member)
    evidence = evidence_add(application=application, by=member, file=pdf_upload())
    path = evidence.file.path
    assert path.startswith(str(tmp_path / "evidence"))
    assert not path.startswith(str(settings.MEDIA_ROOT))
    assert evidence.content_type == "application/pdf"


def test_send_back_and_resubmit_with_audit_trail(version, operator, member, staff):
    application = submitted_application(version, operator, member)
    with pytest.raises(ValidationError, match="Say what needs to change"):
        technical_check(application=application, by=staff, accept=False)
    technical_check(application=application, by=staff, accept=False, comments="Evidence unreadable")
    application.refresh_from_db()
    assert application.status == ApplicationStatus.DRAFT
    assert application.staff_comment == "Evidence unreadable"
    application_submit(application=application, by=member)
    technical_check(application=application, by=staff, accept=True)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.PANEL_REVIEW
    trail = list(
        AuditEntry.objects.filter(application=application).values_list(
            "from_state", "to_state", "actor__email"
        )
    )
    assert trail == [
        ("", "draft", member.email),
        ("draft", "submitted", member.email),
        ("submitted", "draft", staff.email),
        ("draft", "submitted", member.email),
        ("submitted", "panel_review", staff.email),
    ]


def test_technical_check_is_for_staff(version, operator, member):
    application = submitted_application(version, operator, member)
    with pytest.raises(PermissionDenied):
        technical_check(application=application, by=member, accept=True)


def test_submitted_application_cannot_be_edited(version, operator, member):
    application = submitted_application(version, operator, member)
    with pytest.raises(ValidationError, match="Only a draft"):
        application_draft_save(
            application=application, by=member, indicator_codes=["1"], answers={}
        )
    assert Application.objects.get().indicators.count() == 2
