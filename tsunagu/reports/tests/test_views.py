"""Permissions from the outside: staff build, the public sees published versions only."""

import pytest

from tsunagu.reports.models import ReportStatus
from tsunagu.reports.services import reports as services


@pytest.fixture
def published(report, staff, generate):
    draft_version = generate(report)
    services.report_status_set(report=report, by=staff, status=ReportStatus.IN_REVIEW)
    services.report_publish(report=report, version=draft_version, by=staff)
    newer = generate(report)
    return report, draft_version, newer


@pytest.mark.parametrize(
    ("role", "status"),
    [(None, 302), ("plain_user", 403), ("partner_member", 403), ("city_staff", 200)],
)
def test_builder_is_for_staff(client_as, report, role, status):
    for url in (
        "/en/reports/builder/",
        f"/en/reports/builder/{report.slug}/",
        f"/en/reports/builder/{report.slug}/sections/{report.sections.first().pk}/",
    ):
        assert client_as(role).get(url).status_code == status, url


def test_builder_posts_are_refused_to_others(client_as, report):
    response = client_as("plain_user").post(
        f"/en/reports/builder/{report.slug}/act/", {"action": "generate"}
    )
    assert response.status_code == 403
    assert not report.versions.exists()


def test_unpublished_report_is_not_public(client_as, report):
    assert client_as(None).get(f"/en/reports/{report.slug}/").status_code == 404
    assert client_as(None).get(f"/en/reports/{report.slug}/en.pdf").status_code == 404
    listing = client_as(None).get("/en/reports/").content.decode()
    assert report.title_en not in listing


def test_public_sees_the_published_version_only(client_as, published):
    report, live, newer = published
    anonymous = client_as(None)
    listing = anonymous.get("/en/reports/").content.decode()
    assert report.title_en in listing
    page = anonymous.get(f"/en/reports/{report.slug}/")
    assert page.status_code == 200
    assert str(live.snapshot_id) in page.content.decode()
    # Asking for another version is ignored for the public: they get the published one.
    preview = anonymous.get(f"/en/reports/{report.slug}/?version={newer.number}")
    assert str(live.snapshot_id) in preview.content.decode()
    pdf = anonymous.get(f"/en/reports/{report.slug}/ja.pdf")
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content)[:5] == b"%PDF-"
    docx = anonymous.get(f"/en/reports/{report.slug}/en.docx")
    assert docx.status_code == 200
    assert "attachment" in docx["Content-Disposition"]


def test_staff_preview_other_versions(client_as, published):
    report, _live, newer = published
    staff = client_as("city_staff")
    page = staff.get(f"/en/reports/{report.slug}/?version={newer.number}").content.decode()
    assert str(newer.snapshot_id) in page
    assert "Preview of version" in page
    response = staff.get(f"/en/reports/{report.slug}/en.pdf?version={newer.number}")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_api_lists_published_reports_with_frozen_figures(client, published):
    report, live, _newer = published
    listing = client.get("/api/v1/reports/").json()
    assert [item["slug"] for item in listing] == [report.slug]
    detail = client.get(f"/api/v1/reports/{report.slug}").json()
    assert detail["snapshot_id"] == str(live.snapshot_id)
    figure = detail["figures"][0]
    assert figure["key"] == "s2-test_organisations/organisations"
    assert figure["value"] == live.snapshot["sections"][1]["data"]["figures"][0]["value"]


def test_staff_compare_two_versions(client_as, published, django_capture_on_commit_callbacks):
    from tsunagu.accounts.models import Organisation
    from tsunagu.accounts.tests.factories import OrganisationFactory

    report, live, _newer = published
    before = Organisation.objects.count()
    OrganisationFactory.create_batch(2)
    staff = client_as("city_staff")
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(f"/en/reports/builder/{report.slug}/act/", {"action": "generate"})
    latest = report.versions.order_by("-number").first()
    assert latest.status == "done"
    page = staff.get(
        f"/en/reports/builder/{report.slug}/compare/?a={live.number}&b={latest.number}"
    ).content.decode()
    row = page[page.index("s2-test_organisations/organisations") :].split("</tr>")[0]
    assert f"<td>{before}</td><td>{before + 2}</td>" in row
    unchanged = staff.get(
        f"/en/reports/builder/{report.slug}/compare/?a={live.number}&b={live.number}"
    ).content.decode()
    assert "No figure changed." in unchanged
    forbidden = client_as("plain_user").get(f"/en/reports/builder/{report.slug}/compare/?a=1&b=2")
    assert forbidden.status_code == 403
