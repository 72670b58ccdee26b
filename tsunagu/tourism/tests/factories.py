"""Helpers that walk an application through the workflow."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tsunagu.tourism.models import Answer, Application
from tsunagu.tourism.services.applications import (
    application_create,
    application_draft_save,
    application_submit,
    evidence_add,
    technical_check,
)
from tsunagu.tourism.services.operators import operator_create
from tsunagu.tourism.services.reviews import assessor_assign, scores_save


def operator_for(member, name: str = "Asanogawa Inn", slug: str = "asanogawa-inn"):
    return operator_create(name=name, slug=slug, type="accommodation", members=[member])


def png_upload(name: str = "photo.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "green").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def pdf_upload(name: str = "plan.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4\n%%EOF\n", content_type="application/pdf")


def full_answers(version, codes=("1", "2"), answer=Answer.MET) -> dict:
    return {
        item.code: (answer, "We do this.")
        for indicator in version.indicators.filter(code__in=codes)
        for item in indicator.items.all()
    }


def submitted_application(version, operator, member, codes=("1", "2")) -> Application:
    application = application_create(operator=operator, version=version, by=member)
    application_draft_save(
        application=application,
        by=member,
        indicator_codes=list(codes),
        answers=full_answers(version, codes),
    )
    evidence_add(application=application, by=member, file=pdf_upload())
    return application_submit(application=application, by=member)


def in_panel(version, operator, member, staff, assessor, codes=("1", "2")) -> Application:
    application = submitted_application(version, operator, member, codes)
    technical_check(application=application, by=staff, accept=True)
    assessor_assign(application=application, assessor=assessor, by=staff)
    application.refresh_from_db()
    return application


def score_all(application, assessor, score: str = "met") -> None:
    scores = {
        item.code: (score, "")
        for indicator in application.indicators.all()
        for item in indicator.items.all()
    }
    scores_save(application=application, assessor=assessor, scores=scores)
