"""From observations to stored scores, pages and API, on a small synthetic country."""

from pathlib import Path

import polars as pl
import pytest

from tsunagu.core.models import Area, AreaKind
from tsunagu.indicators.importers.base import TIDY_SCHEMA, StatisticMeta, TidyImport
from tsunagu.indicators.models import Indicator, IndicatorValue, Score
from tsunagu.indicators.services.indicator_set import IndicatorSetError, indicator_set_load
from tsunagu.indicators.services.observations import observations_import
from tsunagu.indicators.tasks import indicator_scores_refresh

MINI_SET = Path(__file__).resolve().parent / "fixtures" / "mini_set.yaml"
pytestmark = pytest.mark.django_db


def synthetic_country(n: int = 30) -> TidyImport:
    """n municipalities in two prefectures; area i has i-proportional doctors and jobs."""
    rows = []
    line = 4
    for i in range(n):
        code = f"{17 if i < n // 2 else 18}{201 + i:03d}"
        population = 10_000 * (i + 1)
        for statistic, year, value in [
            ("A1101", 2015, population * 1.01),
            ("A1101", 2020, population),
            ("I6100", 2018, population * (100 + 10 * i) / 100_000),
            ("I6100", 2022, population * (110 + 10 * i) / 100_000),
            ("F1102", 2015, population * (0.40 + 0.005 * i)),
            ("F1102", 2020, population * (0.42 + 0.005 * i)),
            ("F1107", 2015, population * 0.03),
            ("F1107", 2020, population * (0.05 - 0.001 * i)),
        ]:
            rows.append((line, statistic, code, year, "", "", value))
            line += 1
    frame = pl.DataFrame(rows, schema=TIDY_SCHEMA, orient="row")
    names = {f"{17 if i < n // 2 else 18}{201 + i:03d}": ("県", f"市{i}") for i in range(n)}
    return TidyImport(
        importer="test",
        file_name="synthetic.csv",
        edition="SSDSE-A-2026",
        edition_rank=2026,
        source_dataset="SSDSE-A",
        credit_ja="出典",
        credit_en="source",
        frame=frame,
        statistics=[StatisticMeta(code=c, name_ja=c) for c in ["A1101", "I6100", "F1102", "F1107"]],
        area_names=names,
    )


@pytest.fixture
def scored(settings):
    settings.TSUNAGU_CITY_CODE = "17210"
    observations_import(synthetic_country(), register_areas=True)
    indicator_set_load(MINI_SET)
    indicator_scores_refresh()


def test_indicator_values_use_each_inputs_latest_year(scored):
    value = IndicatorValue.objects.get(indicator__code="T03-01", area__code="17201", year=2022)
    assert value.value == pytest.approx(110 * 10_000 / 100_000 / 10_000 * 100_000)
    assert value.input_years == {"I6100": 2022, "A1101": 2020}


def test_scores_are_stored_for_every_level(scored):
    assert Score.objects.filter(kind="index").count() == 30
    kanazawa_like = Score.objects.get(area__code="17210", kind="index")
    assert kanazawa_like.rank is not None
    assert kanazawa_like.rank_in_prefecture is not None
    best = Score.objects.filter(kind="index").order_by("-score").first()
    assert best.rank == 1
    goal = Score.objects.get(area__code="17201", kind="goal", code="8")
    parts = Score.objects.filter(
        area__code="17201", kind="indicator", code__in=["T08-01", "T08-02"]
    )
    assert goal.score == pytest.approx(sum(p.score for p in parts) / 2)
    assert Score.objects.filter(kind="composite", code="C08").count() == 30


def test_best_area_scores_better_and_trends_exist(scored):
    worst = Score.objects.get(area__code="17201", kind="indicator", code="T03-01")
    best = Score.objects.get(area__code="18230", kind="indicator", code="T03-01")
    assert best.score > worst.score
    assert best.colour == "green"
    assert worst.trend != ""


def test_overview_goal_and_indicator_pages(client, scored):
    overview = client.get("/en/indicators/").content.decode()
    index = Score.objects.get(area__code="17210", kind="index")
    assert f"{index.score:.1f}" in overview
    assert "SSDSE-A" in overview
    goal = client.get("/en/indicators/goals/8/?area=17201")
    assert goal.status_code == 200
    assert "Unemployment rate" in goal.content.decode()
    page = client.get("/indicators/T03-01/?area=17201").content.decode()
    assert "I6100 (2022), A1101 (2020)" in page
    assert client.get("/en/indicators/T99-99/").status_code == 404
    assert client.get("/en/indicators/?area=99999").status_code == 404


def test_scores_api(client, scored):
    body = client.get("/api/v1/areas/R17210/scores").json()
    assert body["area"] == "17210"
    assert body["index"]["rank"] == Score.objects.get(area__code="17210", kind="index").rank
    assert [g["code"] for g in body["goals"]] == ["3", "8"]
    assert {i["code"] for i in body["indicators"]} == {"T03-01", "T08-01", "T08-02"}
    values = client.get("/api/v1/indicators/T03-01/values", {"area": "17201"}).json()
    assert [v["year"] for v in values["items"]] == [2018, 2020, 2022]
    listing = client.get("/api/v1/indicators").json()
    assert listing["count"] == 3
    observations = client.get(
        "/api/v1/observations", {"statistic": "A1101", "area": "17201"}
    ).json()
    assert [o["year"] for o in observations["items"]] == [2015, 2020]
    csv_text = client.get("/api/v1/indicators/T03-01/download.csv").content.decode()
    assert csv_text.splitlines()[0] == "area,area_name,year,value,inputs"
    opensdg = client.get("/api/v1/indicators/T03-01/download-opensdg.csv").content.decode()
    assert opensdg.splitlines()[0] == "Year,Units,GeoCode,Value"


def test_without_data_the_page_explains_how_to_load_it(client):
    page = client.get("/en/indicators/").content.decode()
    assert "import_ssdse" in page
    assert "TSUNAGU_DATA_DIR" in page


def test_a_bad_indicator_set_is_refused_whole(tmp_path):
    bad = MINI_SET.read_text(encoding="utf-8").replace(
        '"I6100 / A1101 * 100000"', "\"__import__('os')\""
    )
    path = tmp_path / "bad.yaml"
    path.write_text(bad, encoding="utf-8")
    with pytest.raises(IndicatorSetError, match="T03-01"):
        indicator_set_load(path)
    assert not Indicator.objects.exists()


def test_indicator_targets_derive_goals(scored):
    indicator = Indicator.objects.get(code="T03-01")
    assert sorted(indicator.sdg_targets.values_list("code", flat=True)) == ["3.8", "3.c"]
    assert list(indicator.sdg_goals.values_list("number", flat=True)) == [3]
    assert Area.objects.filter(kind=AreaKind.MUNICIPALITY).count() == 30


def test_compare_page_defaults_to_similar_population(client, scored):
    page = client.get("/en/indicators/compare/?area=17210").content.decode()
    # synthetic populations grow by 10,000 per area: neighbours of 17210 are 17209 and 17211
    assert "市8" in page
    assert "市10" in page
    chosen = client.get("/en/indicators/compare/?area=17210&peers=18230").content.decode()
    index = Score.objects.get(area__code="18230", kind="index")
    assert f"{index.score:.1f}" in chosen
    assert "市8" not in chosen
    assert client.get("/en/indicators/compare/?area=17210&peers=99999").status_code == 404


def test_cached_pages_change_when_scores_are_recomputed(
    client, scored, django_capture_on_commit_callbacks
):
    before = Score.objects.get(area__code="17210", kind="index").score
    assert f"{before:.1f}" in client.get("/en/indicators/").content.decode()
    Indicator.objects.filter(code="T03-01").update(upper_bound=10_000, green_threshold=9_000)
    with django_capture_on_commit_callbacks(execute=True):
        indicator_scores_refresh()
    after = Score.objects.get(area__code="17210", kind="index").score
    assert f"{after:.1f}" != f"{before:.1f}"
    assert f"{after:.1f}" in client.get("/en/indicators/").content.decode()


def test_progress_to_local_targets_is_measured_from_2015(client, scored):
    from tsunagu.scoring.progress import ProgressOptions, series_progress

    progress = Score.objects.get(area__code="17210", kind="progress", code="T03-01")
    values = IndicatorValue.objects.filter(indicator__code="T03-01", area__code="17210")
    years, series = zip(*values.order_by("year").values_list("year", "value"), strict=True)
    expected = series_progress(
        list(years),
        list(series),
        ProgressOptions(base_year=2015, target=420, target_year=2030, positive=True),
    )
    assert progress.trend == str(expected.status) != "not_available"
    assert progress.score == pytest.approx(expected.score)
    overview = client.get("/en/indicators/").content.decode()
    assert 'data-testid="progress-T03-01">not enough data' not in overview
