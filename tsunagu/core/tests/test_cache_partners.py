"""The partner and project directory (pages, API, open data) is served from the cache to
anonymous visitors, and every kind of change shows at once, including the writes that send no
model signal (QuerySet.update(), bulk_create())."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tsunagu.core.models import Goal
from tsunagu.core.services import sdg_relations_set
from tsunagu.partners.models import PartnerStatus
from tsunagu.partners.services import partner_apply, partner_approve
from tsunagu.projects.models import ProjectStatus
from tsunagu.projects.services import (
    progress_report_submit,
    project_mark_stale_inactive,
    project_update,
)
from tsunagu.projects.tests.factories import DeliverableFactory, PartnerFactory, ProjectFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory():
    lead = PartnerFactory(organisation__slug="kogei-lab", organisation__name_en="Kogei lab")
    project = ProjectFactory(lead_partner=lead, slug="gold-leaf-school", title_en="Gold leaf")
    return lead, project


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run a service as a request would: its on-commit callbacks (the cache bumps) run."""

    def run(service, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return service(**kwargs)

    return run


def _queries(path: str) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(path)
    assert response.status_code == 200, path
    return response.content.decode(), len(queries)


@pytest.mark.parametrize(
    "path",
    [
        "/en/partners/",
        "/en/partners/kogei-lab/",
        "/en/projects/",
        "/en/projects/gold-leaf-school/",
        "/api/v1/projects",
        "/api/v1/projects/gold-leaf-school",
        "/api/v1/open-data/partners",
        "/api/v1/open-data/projects",
    ],
)
def test_the_second_anonymous_visit_is_served_from_the_cache(directory, path):
    first, first_queries = _queries(path)
    again, again_queries = _queries(path)
    assert again == first
    assert first_queries > 0
    # The session and the message store cost nothing for a visitor without cookies.
    assert again_queries == 0


def test_an_edited_project_shows_at_once_everywhere(directory, commit):
    lead, project = directory
    paths = ["/en/projects/", "/en/projects/gold-leaf-school/", "/api/v1/projects"]
    for path in paths:
        assert "Gold leaf" in _queries(path)[0]
    commit(
        project_update,
        project=project,
        lead_partner=lead,
        title_ja=project.title_ja,
        title_en="Lacquer school",
        status=ProjectStatus.ACTIVE,
    )
    for path in paths:
        assert "Lacquer school" in _queries(path)[0], path


def test_deliverables_ticked_by_a_progress_report_show_at_once(directory, commit):
    # progress_report_submit ticks deliverables with one UPDATE, which sends no signal.
    _lead, project = directory
    deliverable = DeliverableFactory(project=project)
    assert Client().get("/api/v1/open-data/projects").json()[0]["deliverables_done"] == 0
    commit(
        progress_report_submit,
        project=project,
        year=datetime.date.today().year,
        summary="Two workshops held",
        deliverables_done=[deliverable],
    )
    rows = Client().get("/api/v1/open-data/projects").json()
    assert rows[0]["deliverables_done"] == 1


def test_projects_marked_inactive_by_the_daily_job_show_at_once(directory, commit):
    assert Client().get("/api/v1/projects").json()["items"][0]["status"] == "active"
    later = datetime.date.today() + datetime.timedelta(days=800)
    assert commit(project_mark_stale_inactive, today=later) == 1
    assert Client().get("/api/v1/projects").json()["items"][0]["status"] == "inactive"


def test_an_approved_application_joins_the_directory_at_once(directory, users, commit):
    assert "Hakuichi" not in _queries("/en/partners/")[0]
    partner = partner_apply(
        name_ja="箔一", name_en="Hakuichi", kind="company",
        contact_name="担当", contact_email="apply@example.org",
    )  # fmt: skip
    assert "Hakuichi" not in _queries("/en/partners/")[0]
    commit(partner_approve, partner=partner, reviewer=users["city_staff"])
    partner.refresh_from_db()
    assert partner.status == PartnerStatus.APPROVED
    assert "Hakuichi" in _queries("/en/partners/")[0]
    assert "Hakuichi" in _queries("/api/v1/open-data/partners")[0]


def test_new_sdg_tags_show_at_once(directory, commit):
    # sdg_relations_set writes with bulk_create, which sends no signal.
    lead, _project = directory
    goal = Goal.objects.get(number=11)
    assert "Kogei lab" not in _queries("/en/partners/?goal=11")[0]
    commit(sdg_relations_set, obj=lead.organisation, goals=[goal])
    assert "Kogei lab" in _queries("/en/partners/?goal=11")[0]
