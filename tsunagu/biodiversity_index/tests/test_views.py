"""Pages, CSV and API over HTTP, permissions from the outside, and the SDG 15 feed as seen
on the indicators module's pages and API."""

import csv
import io

import pytest

from tsunagu.biodiversity_index import services
from tsunagu.biodiversity_index.models import Assessment
from tsunagu.biodiversity_index.services import ScoreInput

pytestmark = pytest.mark.django_db

BASE = "/nature/biodiversity-index/"


def _published(area, year, score=2, capture=None):
    assessment = services.assessment_create(area=area, year=year)
    entries = [
        ScoreInput(
            number=row.indicator.number,
            score=row.computed_score
            if row.is_computed and row.computed_score is not None
            else score,
            evidence_ja="市の報告書",
            evidence_en="City report",
            source_url="https://www4.city.kanazawa.lg.jp/",
        )
        for row in assessment.scores.select_related("indicator")
    ]
    services.assessment_scores_update(assessment=assessment, user=None, entries=entries)
    if capture is not None:
        with capture(execute=True):
            services.assessment_publish(assessment=assessment)
    else:
        services.assessment_publish(assessment=assessment)
    return assessment


def _total(assessment):
    return sum(assessment.scores.values_list("score", flat=True))


def test_overview_shows_latest_total_components_evidence_and_chart(area, client_as):
    _published(area, 2020, score=1)
    latest = _published(area, 2023, score=2)
    response = client_as(None).get(BASE)
    assert response.status_code == 200
    html = response.content.decode()
    assert f'data-testid="cbi-total">{_total(latest)}<' in html
    assert "市の報告書" in html
    assert "https://www4.city.kanazawa.lg.jp/" in html
    assert 'id="cbi-chart"' in html
    assert "cbi-chart-data" in html
    assert "市域に占める自然地の割合" in html
    english = client_as(None).get("/en" + BASE).content.decode()
    assert "Proportion of natural areas in the city" in english
    assert "City report" in english


def test_empty_and_draft_years(area, client_as):
    assert "No assessment" in client_as(None).get("/en" + BASE).content.decode()
    services.assessment_create(area=area, year=2025)
    assert client_as(None).get(f"{BASE}2025/").status_code == 404
    assert client_as("plain_user").get(f"{BASE}2025/").status_code == 404
    assert client_as("city_staff").get(f"{BASE}2025/").status_code == 200
    assert client_as(None).get(f"{BASE}2025/download.csv").status_code == 404


def test_csv_has_one_row_per_indicator(area, client_as):
    assessment = _published(area, 2023)
    response = client_as(None).get(f"{BASE}download.csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 28
    assert sum(int(r["score"]) for r in rows) == _total(assessment)
    assert rows[0]["evidence_en"] == "City report"


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
def test_staff_pages_are_for_city_staff(area, client_as, role, status):
    services.assessment_create(area=area, year=2024)
    client = client_as(role)
    assert client.get(f"{BASE}staff/").status_code == status
    assert client.get(f"{BASE}staff/2024/").status_code == status
    response = client.post(f"{BASE}staff/2024/", {"score_1": "3"})
    assert response.status_code in {status, 302}
    saved = Assessment.objects.get(year=2024).scores.get(indicator__number=1).score
    assert saved == (3 if status == 200 else None)


def test_staff_form_rejects_bad_rows_and_saves_nothing(area, client_as):
    services.assessment_create(area=area, year=2024)
    client = client_as("city_staff")
    response = client.post(
        f"/en{BASE}staff/2024/",
        {
            "score_1": "3",
            "evidence_en_1": "kept?",
            "score_2": "7",
            "score_9": "two",
            "score_11": "1",
            "source_url_11": "not a url",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Indicator 2" in html
    assert "Indicator 9" in html
    assert "Indicator 11" in html
    assert 'value="7"' in html  # what was typed is shown again
    scores = Assessment.objects.get(year=2024).scores
    assert scores.get(indicator__number=1).score is None
    assert not scores.filter(evidence_en="kept?").exists()


def test_staff_override_without_reason_is_refused(area, client_as):
    services.assessment_create(area=area, year=2024)
    response = client_as("city_staff").post(f"/en{BASE}staff/2024/", {"score_25": "4"})
    assert response.status_code == 400
    assert "give a reason" in response.content.decode()
    assert Assessment.objects.get(year=2024).scores.get(indicator__number=25).score == 0


def test_staff_create_and_publish_flow(area, client_as):
    client = client_as("city_staff")
    assert client.post(f"{BASE}staff/", {"year": "abcd"}).status_code == 200
    response = client.post(f"{BASE}staff/", {"year": "2026"})
    assert response.status_code == 302
    response = client.post(f"/en{BASE}staff/2026/publish/", follow=True)
    assert "Cannot publish" in response.content.decode()
    assert client_as("plain_user").post(f"{BASE}staff/2026/publish/").status_code == 403


def test_api_lists_published_assessments_only(area, client_as):
    published = _published(area, 2023)
    services.assessment_create(area=area, year=2026)
    client = client_as(None)
    listing = client.get("/api/v1/nature/biodiversity-index/assessments").json()
    assert [a["year"] for a in listing] == [2023]
    assert listing[0]["total"] == _total(published)
    assert listing[0]["max"] == 112
    detail = client.get("/api/v1/nature/biodiversity-index/assessments/2023").json()
    assert len(detail["indicators"]) == 28
    assert detail["indicators"][0]["evidence_en"] == "City report"
    assert client.get("/api/v1/nature/biodiversity-index/assessments/2026").status_code == 404


def test_published_total_appears_on_sdg15_indicator_pages_and_api(
    area, client_as, django_capture_on_commit_callbacks
):
    assessment = _published(area, 2023, capture=django_capture_on_commit_callbacks)
    total = _total(assessment)
    client = client_as(None)
    values = client.get("/api/v1/indicators/CBI_TOTAL/values", {"area": area.code}).json()
    rows = values["items"] if isinstance(values, dict) else values
    assert [(r["year"], r["value"]) for r in rows] == [(2023, total)]
    goal_page = client.get("/en/indicators/goals/15/", {"area": area.code})
    assert goal_page.status_code == 200
    assert "City Biodiversity Index (Singapore Index) total" in goal_page.content.decode()
    detail = client.get("/en/indicators/CBI_TOTAL/", {"area": area.code})
    assert detail.status_code == 200
    assert str(total) in detail.content.decode()


def test_edit_link_and_admin_for_staff_only(area, client_as):
    assessment = _published(area, 2023)
    assert "/staff/" not in client_as("plain_user").get(BASE).content.decode()
    assert f"{BASE}staff/" in client_as("city_staff").get(BASE).content.decode()
    admin = client_as("administrator")
    assert admin.get("/admin/biodiversity_index/assessment/").status_code == 200
    change = admin.get(f"/admin/biodiversity_index/assessment/{assessment.pk}/change/")
    assert change.status_code == 200
    assert admin.get("/admin/biodiversity_index/indicator/").status_code == 200
    assert admin.get("/admin/biodiversity_index/indicator/add/").status_code == 403
