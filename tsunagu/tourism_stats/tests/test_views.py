"""Pages in both languages, CSV, API and the import command; permissions from the outside."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from tsunagu.tourism_stats import services
from tsunagu.tourism_stats.models import CrowdingThreshold, MonthlyFigure
from tsunagu.tourism_stats.tests.factories import HEADER, write_csv, year_rows

OVERVIEW = "/tourism/statistics/"
CROWDING = "/tourism/statistics/crowding/"
IMPORT = "/tourism/statistics/staff/import/"


def _upload(rows, name="visitors.csv"):
    return SimpleUploadedFile(name, "\n".join([HEADER, *rows]).encode(), "text/csv")


@pytest.fixture
def figures(tmp_path, area, django_capture_on_commit_callbacks):
    visitors = [1000] * 12
    visitors[7] = 3200
    with django_capture_on_commit_callbacks(execute=True):
        services.visitor_statistics_import(path=write_csv(tmp_path, year_rows(visitors=visitors)))
    services.crowding_threshold_set(area=area, warning=2.0, critical=3.0)


@pytest.mark.parametrize(
    ("role", "status"),
    [
        (None, 302),
        ("plain_user", 403),
        ("partner_member", 403),
        ("assessor", 403),
        ("city_staff", 200),
        ("administrator", 200),
    ],
)
def test_only_staff_reach_the_import_page(client_as, area, role, status):
    assert client_as(role).get(IMPORT).status_code == status


@pytest.mark.parametrize("role", [None, "plain_user", "partner_member"])
def test_only_staff_may_import(client_as, area, role):
    response = client_as(role).post(IMPORT, {"file": _upload(year_rows())})
    assert response.status_code in (302, 403)
    assert not MonthlyFigure.objects.exists()


def test_staff_import_and_the_row_errors_shown(client_as, area):
    client = client_as("city_staff")
    response = client.post(IMPORT, {"file": _upload(["17201,2024,13,visitors,,5,"])})
    assert response.status_code == 200
    errors = response.content.decode()
    assert 'data-testid="import-errors"' in errors
    assert "13" in errors
    assert not MonthlyFigure.objects.exists()
    response = client.post(IMPORT, {"file": _upload(year_rows())}, follow=True)
    assert MonthlyFigure.objects.count() == 48
    assert "visitors.csv" in response.content.decode()
    assert response.context["imports"][0].imported_by.email == "staff@example.org"


def test_import_page_refuses_other_file_types(client_as, area):
    response = client_as("city_staff").post(
        IMPORT, {"file": SimpleUploadedFile("x.txt", b"hello", "text/plain")}
    )
    assert response.status_code == 200
    assert not MonthlyFigure.objects.exists()
    assert response.context["form"].errors["file"]


# The area's name shows the page's language even before the lead merges the UI translations.
BOTH_LANGUAGES = [("", 'lang="ja"', "金沢市"), ("/en", 'lang="en"', "Kanazawa")]


@pytest.mark.parametrize(("prefix", "lang", "name"), BOTH_LANGUAGES)
def test_overview_in_both_languages(client, figures, prefix, lang, name):
    response = client.get(prefix + OVERVIEW)
    page = response.content.decode()
    assert response.status_code == 200
    assert lang in page
    assert f"— {name}</h1>" in page
    assert 'data-testid="tourism-indicators"' in page
    assert 'id="monthly-chart-data"' in page


def test_overview_without_figures(client, area):
    response = client.get(OVERVIEW)
    assert response.status_code == 200
    assert 'data-testid="no-figures"' in response.content.decode()


@pytest.mark.parametrize(("prefix", "lang", "name"), BOTH_LANGUAGES)
def test_crowding_page_highlights_months_over_thresholds(client, figures, prefix, lang, name):
    response = client.get(prefix + CROWDING)
    page = response.content.decode()
    assert lang in page
    assert f"— {name}</h1>" in page
    assert 'data-month="2024-08" class="level-critical"' in page
    assert page.count('data-level="critical"') == 1
    assert response.context["chart"]["over"] == ["2024-08"]
    assert "threshold-form" not in page


@pytest.mark.parametrize("role", [None, "plain_user", "partner_member"])
def test_only_staff_set_thresholds(client_as, figures, area, role):
    response = client_as(role).post(CROWDING, {"warning": "0.5", "critical": "1"})
    assert response.status_code == 403
    assert CrowdingThreshold.objects.get(area=area).warning == 2.0


def test_staff_set_thresholds(client_as, figures, area):
    client = client_as("city_staff")
    assert "threshold-form" in client.get(CROWDING).content.decode()
    response = client.post(CROWDING, {"warning": "1", "critical": "0.5"})
    assert response.status_code == 200
    assert CrowdingThreshold.objects.get(area=area).warning == 2.0
    response = client.post(CROWDING, {"warning": "0.9", "critical": "1.5"})
    assert response.status_code == 302
    assert len(client.get(CROWDING).context["crowding"].over) == 12


def test_csv_download_round_trips_through_the_importer(client, figures, tmp_path):
    response = client.get(OVERVIEW + "download.csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:7] == HEADER.split(",")
    assert len(rows) == 49
    path = tmp_path / "download.csv"
    path.write_text("\n".join(",".join(r[:7]) for r in rows), encoding="utf-8")
    summary = services.visitor_statistics_import(path=path)
    assert summary.rows == 48
    assert summary.replaced == 48


def test_api_monthly_and_crowding(client, figures):
    response = client.get("/api/v1/tourism/statistics/monthly?area=17201&measure=visitors")
    assert response.status_code == 200
    data = response.json()
    assert len(data) == 12
    assert data[7]["value"] == 3200
    response = client.get("/api/v1/tourism/statistics/crowding?area=17201")
    body = response.json()
    assert body["warning"] == 2.0
    assert [m["month"] for m in body["months"] if m["level"] == "critical"] == [8]
    assert client.get("/api/v1/tourism/statistics/crowding?area=00000").status_code == 404


def test_command_imports_and_reports_errors(tmp_path, area):
    call_command("import_visitor_statistics", str(write_csv(tmp_path, year_rows())))
    assert MonthlyFigure.objects.count() == 48
    bad = write_csv(tmp_path, ["17201,2024,1,visitors,,-1,"], "bad.csv")
    with pytest.raises(CommandError, match="line 2"):
        call_command("import_visitor_statistics", str(bad))
    assert MonthlyFigure.objects.count() == 48


def test_crowding_compares_areas(client, figures, other_area, tmp_path):
    rows = year_rows(area="17206", visitors=[100] * 12)
    services.visitor_statistics_import(path=write_csv(tmp_path, rows, "kaga.csv"))
    response = client.get(CROWDING)
    summary = {row.area.code: row for row in response.context["by_area"]}
    assert summary["17201"].critical_months == 1
    assert summary["17201"].peak.month == 8
    assert summary["17206"].critical_months == 0
    assert 'data-area="17206"' in response.content.decode()
    page = client.get(CROWDING + "?area=17206")
    assert page.context["area"] == other_area
    assert page.context["crowding"].threshold is None
