import io
from datetime import timedelta

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from tsunagu.programmes.models import Call, CallQuestion, Programme, ProgrammeKind

PDF_BYTES = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def pdf_upload(name: str = "cv.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, PDF_BYTES, content_type="application/pdf")


def png_upload(name: str = "work.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def fake_pdf_upload(name: str = "virus.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"MZ\x90\x00 not a pdf", content_type="application/pdf")


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    slug = factory.Sequence(lambda n: f"programme-{n}")
    kind = ProgrammeKind.SCHOLARSHIP
    title_ja = factory.Sequence(lambda n: f"奨励金{n}")
    title_en = factory.Sequence(lambda n: f"Scholarship {n}")
    is_published = True


class CallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Call

    programme = factory.SubFactory(ProgrammeFactory)
    title_ja = factory.Sequence(lambda n: f"募集{n}")
    title_en = factory.Sequence(lambda n: f"Call {n}")
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=5))
    deadline = factory.LazyFunction(lambda: timezone.now() + timedelta(days=5))
    min_documents = 0
    is_published = True


class CallQuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CallQuestion

    call = factory.SubFactory(CallFactory)
    label_ja = "工房"
    label_en = "Workshop"
    required = True
