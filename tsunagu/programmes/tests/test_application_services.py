"""Applying: deadline, guardian consent, documents checked by content, nothing half-written."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation

from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.programmes.models import Application, ApplicationDocument
from tsunagu.programmes.services.applications import age_on
from tsunagu.programmes.services.documents import MAX_DOCUMENT_BYTES
from tsunagu.programmes.tests.factories import (
    CallQuestionFactory,
    fake_pdf_upload,
    pdf_upload,
    png_upload,
)


def _child_birth() -> date:
    today = timezone.localdate()
    return today.replace(year=today.year - 12)


def test_age_counts_the_birthday():
    assert age_on(date(2008, 6, 10), date(2026, 6, 9)) == 17
    assert age_on(date(2008, 6, 10), date(2026, 6, 10)) == 18


def test_submit_stores_the_application_and_its_documents(submit, call):
    user = UserFactory()
    application = submit(user, documents=[pdf_upload(), png_upload()])
    documents = list(application.documents.all())
    assert [d.content_type for d in documents] == ["application/pdf", "image/png"]
    assert all(d.file.storage.exists(d.file.name) for d in documents)
    assert documents[0].original_name == "cv.pdf"


def test_a_renamed_executable_is_refused_and_nothing_is_written(submit, call):
    user = UserFactory()
    with translation.override("en"), pytest.raises(ValidationError, match="not a PDF, JPEG or PNG"):
        submit(user, documents=[pdf_upload(), fake_pdf_upload()])
    assert not Application.objects.exists()
    assert not ApplicationDocument.objects.exists()


def test_an_oversized_document_is_refused(submit):
    big = SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * MAX_DOCUMENT_BYTES)
    with translation.override("en"), pytest.raises(ValidationError, match="larger than 5 MB"):
        submit(UserFactory(), documents=[big])
    assert not Application.objects.exists()


def reject_everything(file):
    return "EICAR test signature"


def test_documents_pass_the_virus_scan(submit, settings):
    settings.TSUNAGU_VIRUS_SCAN = (
        "tsunagu.programmes.tests.test_application_services.reject_everything"
    )
    with pytest.raises(ValidationError, match="EICAR"):
        submit(UserFactory(), documents=[pdf_upload()])
    assert not Application.objects.exists()


def test_a_gif_is_refused_even_when_readable(submit):
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (2, 2)).save(buffer, format="GIF")
    gif = SimpleUploadedFile("work.png", buffer.getvalue())
    with pytest.raises(ValidationError):
        submit(UserFactory(), documents=[gif])
    assert not Application.objects.exists()


def test_storage_failure_leaves_no_application_and_no_file(submit, monkeypatch, settings):
    from django.db.models.fields.files import FieldFile

    real_save = FieldFile.save
    calls = []

    def save_then_fail(self, name, content, save=True):
        calls.append(name)
        if len(calls) == 2:
            raise OSError("disk full")
        return real_save(self, name, content, save)

    monkeypatch.setattr(FieldFile, "save", save_then_fail)
    with pytest.raises(OSError, match="disk full"):
        submit(UserFactory(), documents=[pdf_upload(), png_upload()])
    assert not Application.objects.exists()
    media = settings.MEDIA_ROOT / "programmes" / "applications"
    assert not media.exists() or not any(media.iterdir())


def test_after_the_deadline_the_application_is_refused_with_a_clear_message(submit, call):
    call.deadline = timezone.now() - timedelta(minutes=1)
    call.opens_at = call.deadline - timedelta(days=10)
    call.save()
    with translation.override("en"), pytest.raises(ValidationError, match="has passed"):
        submit(UserFactory())
    assert not Application.objects.exists()


def test_deadline_is_inclusive_to_the_second(submit, call):
    now = timezone.now()
    call.deadline = now
    call.save()
    assert submit(UserFactory(), now=now).pk
    with pytest.raises(ValidationError):
        submit(UserFactory(), now=now + timedelta(seconds=1))


def test_before_opening_the_application_is_refused(submit, call):
    call.opens_at = timezone.now() + timedelta(days=1)
    call.deadline = timezone.now() + timedelta(days=3)
    call.save()
    with translation.override("en"), pytest.raises(ValidationError, match="opens on"):
        submit(UserFactory())


def test_a_child_needs_guardian_name_and_consent(submit):
    user = UserFactory()
    with translation.override("en"), pytest.raises(ValidationError, match="guardian"):
        submit(user, date_of_birth=_child_birth(), guardian_name="金沢 母")
    with pytest.raises(ValidationError):
        submit(user, date_of_birth=_child_birth(), guardian_consent=True)
    assert not Application.objects.exists()
    application = submit(
        user, date_of_birth=_child_birth(), guardian_name="金沢 母", guardian_consent=True
    )
    assert application.guardian_name == "金沢 母"
    assert application.guardian_consent


def test_an_adult_does_not_store_a_guardian(submit):
    application = submit(UserFactory(), guardian_name="someone", guardian_consent=True)
    assert application.guardian_name == ""
    assert not application.guardian_consent


def test_required_question_and_minimum_documents(submit, call):
    question = CallQuestionFactory(call=call)
    call.min_documents = 1
    call.save()
    with pytest.raises(ValidationError):
        submit(UserFactory(), answers={str(question.pk): "東山の工房"})
    with pytest.raises(ValidationError):
        submit(UserFactory(), documents=[pdf_upload()])
    application = submit(
        UserFactory(), answers={str(question.pk): "東山の工房"}, documents=[pdf_upload()]
    )
    assert application.answers == {str(question.pk): "東山の工房"}


def test_one_application_per_call(submit):
    user = UserFactory()
    submit(user)
    with pytest.raises(ValidationError):
        submit(user)
    assert Application.objects.count() == 1


def test_an_unpublished_call_refuses(submit, call):
    call.is_published = False
    call.save()
    with pytest.raises(ValidationError):
        submit(UserFactory())
