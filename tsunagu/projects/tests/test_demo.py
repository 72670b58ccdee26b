import pytest
from django.utils import timezone

from tsunagu.projects import demo, selectors
from tsunagu.projects.models import Deliverable, ProgressReport, Project
from tsunagu.projects.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


def test_no_demo_projects_without_three_public_partners():
    PartnerFactory.create_batch(2)
    PartnerFactory(status="applied")
    demo.load()
    assert not Project.objects.exists()


def test_demo_is_idempotent_bilingual_and_shows_every_light():
    partners = PartnerFactory.create_batch(5)
    demo.load()
    counts = (Project.objects.count(), Deliverable.objects.count(), ProgressReport.objects.count())
    demo.load()
    assert (
        Project.objects.count(),
        Deliverable.objects.count(),
        ProgressReport.objects.count(),
    ) == counts
    assert counts[0] >= 40
    projects = list(selectors.with_last_activity(Project.objects.all()))
    assert all(p.is_demo and p.title_ja and p.title_en and p.description_en for p in projects)
    assert {p.lead_partner_id for p in projects} == {p.pk for p in partners}
    now = timezone.now()
    lights = {selectors.project_light(p, now=now) for p in projects}
    assert lights == {"green", "yellow", "red", "n/a"}
    assert {p.status for p in projects} == {"planned", "active", "completed", "stopped", "inactive"}
    assert all(p.sdg_goals.exists() for p in projects)
