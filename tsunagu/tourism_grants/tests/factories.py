import io
from datetime import timedelta

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.tourism_grants.models import GrantApplication, GrantCall, ScoringCriterion


class GrantCallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GrantCall

    slug = factory.Sequence(lambda n: f"call-{n}")
    title_ja = factory.Sequence(lambda n: f"助成{n}")
    title_en = factory.Sequence(lambda n: f"Grant call {n}")
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=10))
    deadline = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))
    budget_yen = 3_000_000
    max_award_yen = 1_000_000


class CriterionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ScoringCriterion

    call = factory.SubFactory(GrantCallFactory)
    name_ja = factory.Sequence(lambda n: f"基準{n}")
    name_en = factory.Sequence(lambda n: f"Criterion {n}")
    weight = 1
    max_score = 5


class SubmittedApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GrantApplication

    call = factory.SubFactory(GrantCallFactory)
    applicant = factory.SubFactory(UserFactory)
    project_title = factory.Sequence(lambda n: f"Project {n}")
    description = "A pioneering SDG-tourism project."
    requested_yen = 1_000_000
    status = "submitted"
    submitted_at = factory.LazyFunction(timezone.now)


def pdf_upload(name: str = "plan.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n", "application/pdf")


def png_upload(name: str = "photo.png") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "green").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), "image/png")


def fake_pdf_upload(name: str = "virus.pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, b"MZ\x90\x00 not a pdf at all", "application/pdf")
