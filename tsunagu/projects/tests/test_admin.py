import pytest

from tsunagu.projects import services
from tsunagu.projects.tests.factories import DeliverableFactory, ResourceFactory

pytestmark = pytest.mark.django_db


def test_admin_edits_projects_side_by_side_with_inlines(client_as, own_project, users):
    DeliverableFactory(project=own_project)
    ResourceFactory(project=own_project)
    report = services.progress_report_submit(
        project=own_project, year=2025, summary="順調", submitted_by=users["partner_member"]
    )
    client = client_as("administrator")
    for url in [
        "/admin/projects/project/",
        "/admin/projects/project/add/",
        "/admin/projects/progressreport/",
        f"/admin/projects/progressreport/{report.pk}/change/",
    ]:
        assert client.get(url).status_code == 200, url
    html = client.get(f"/admin/projects/project/{own_project.pk}/change/").content.decode()
    for name in ['name="title_ja"', 'name="title_en"', "deliverables-0-title", "resources-0-kind"]:
        assert name in html
    assert "progress_reports-0-summary" in html
