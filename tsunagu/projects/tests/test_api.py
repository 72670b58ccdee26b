"""The project API: public projects with public fields only."""

import json

import pytest
from ninja.testing import TestClient

from tsunagu.core.models import Goal, PublicationStatus
from tsunagu.core.services import sdg_relations_set
from tsunagu.projects import services
from tsunagu.projects.api import router
from tsunagu.projects.models import ProjectStatus
from tsunagu.projects.tests.factories import DeliverableFactory, ProjectFactory, ResourceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def api():
    return TestClient(router)


def test_list_filters_and_hides_drafts(api, own_project, other_project):
    sdg_relations_set(own_project, goals=Goal.objects.filter(number__in=[6, 15]))
    other_project.status = ProjectStatus.PLANNED
    other_project.save()
    ProjectFactory(lead_partner=own_project.lead_partner, publication=PublicationStatus.DRAFT)

    def slugs(**params):
        response = api.get("/projects", query_params=params)
        assert response.status_code == 200
        return {item["slug"] for item in response.json()["items"]}

    assert slugs() == {"own-project", "other-project"}
    assert slugs(goal=15) == {"own-project"}
    assert slugs(status="planned") == {"other-project"}
    assert slugs(partner=own_project.lead_partner.organisation.slug) == {"own-project"}
    (item,) = [i for i in api.get("/projects").json()["items"] if i["slug"] == "own-project"]
    assert item["goals"] == [6, 15]
    assert item["traffic_light"] == "green"
    assert item["lead_partner"]["slug"] == "kikugawa-npo"


def test_detail_has_public_fields_and_no_personal_data(api, own_project, other_partner, users):
    own_project.co_partners.add(other_partner)
    deliverable = DeliverableFactory(project=own_project, title="観察会")
    ResourceFactory(project=own_project, provided_by=own_project.lead_partner)
    services.progress_report_submit(
        project=own_project,
        year=2026,
        summary="順調",
        figures={"参加者": 12},
        deliverables_done=[deliverable],
        submitted_by=users["partner_member"],
    )
    response = api.get("/projects/own-project")
    assert response.status_code == 200
    data = response.json()
    assert [p["slug"] for p in data["co_partners"]] == ["other-npo"]
    assert data["deliverables"][0]["is_done"] is True
    assert data["resources"][0]["provided_by"] == "kikugawa-npo"
    assert data["reports"] == [
        {
            "year": 2026,
            "submitted_on": data["reports"][0]["submitted_on"],
            "summary": "順調",
            "figures": {"参加者": 12},
        }
    ]
    raw = json.dumps(data, ensure_ascii=False)
    for private in [
        "partner@example.org",
        "submitted_by",
        "contact",
        users["partner_member"].full_name,
    ]:
        assert private not in raw


def test_drafts_are_not_in_the_api(api, own_project):
    own_project.publication = PublicationStatus.DRAFT
    own_project.save()
    assert api.get("/projects/own-project").status_code == 404
    assert api.get("/projects/nothing-here").status_code == 404
