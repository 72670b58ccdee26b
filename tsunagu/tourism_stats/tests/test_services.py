"""Writing imports (atomic, re-import replaces), the indicator feed, and crowding thresholds."""

import pytest
from django.core.exceptions import ValidationError

from tsunagu.indicators.importers.base import ImportFileError
from tsunagu.indicators.models import IndicatorValue, Observation, Statistic
from tsunagu.tourism_stats import feed, selectors, services
from tsunagu.tourism_stats.models import CrowdingThreshold, MonthlyFigure, VisitorImport
from tsunagu.tourism_stats.tests.factories import write_csv, year_rows

pytestmark = pytest.mark.usefixtures("english")


def _import(tmp_path, rows, name="visitors.csv"):
    return services.visitor_statistics_import(path=write_csv(tmp_path, rows, name))


def test_a_bad_row_writes_nothing(tmp_path, area):
    rows = [*year_rows(), "17201,2024,1,visitors,,oops,"]
    with pytest.raises(ImportFileError):
        _import(tmp_path, rows)
    assert not MonthlyFigure.objects.exists()
    assert not VisitorImport.objects.exists()
    assert not Observation.objects.exists()


def test_a_failure_while_writing_rolls_back(tmp_path, area, monkeypatch):
    _import(tmp_path, year_rows(visitors=[500] * 12))

    def broken(**kwargs):
        raise RuntimeError("indicators module unavailable")

    monkeypatch.setattr(services, "tourism_indicators_publish", broken)
    with pytest.raises(RuntimeError):
        _import(tmp_path, year_rows(visitors=[900] * 12), "second.csv")
    assert set(
        MonthlyFigure.objects.filter(measure="visitors").values_list("value", flat=True)
    ) == {500}
    assert VisitorImport.objects.count() == 1


def test_reimport_replaces_the_months_it_covers(tmp_path, area):
    _import(tmp_path, [*year_rows(), "17201,2024,5,attraction_visits,Kenroku-en,40,"])
    summary = _import(
        tmp_path, ["17201,2024,5,visitors,,3000,", "17201,2024,5,residents,,1000,"], "may.csv"
    )
    assert summary.months == 1
    assert summary.replaced == 5  # visitors, two stays, residents, attraction of May
    may = MonthlyFigure.objects.filter(area=area, year=2024, month=5)
    assert sorted(may.values_list("measure", "value")) == [("residents", 1000), ("visitors", 3000)]
    assert MonthlyFigure.objects.filter(area=area, year=2024, month=6).count() == 4
    _import(
        tmp_path, ["17201,2024,5,visitors,,3000,", "17201,2024,5,residents,,1000,"], "again.csv"
    )
    assert may.count() == 2


def test_a_file_of_many_area_months_replaces_them_all(tmp_path, area):
    """More area-months than one SQL condition can hold (a city's figures since 1900)."""
    rows = [f"17201,{y},{m},visitors,,{y},x" for y in range(1900, 2011) for m in range(1, 13)]
    _import(tmp_path, rows)
    summary = _import(tmp_path, rows, "again.csv")
    assert (summary.months, summary.replaced) == (1332, 1332)
    assert MonthlyFigure.objects.count() == 1332


def test_feed_puts_tourism_indicators_into_the_indicators_module(
    tmp_path, area, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _import(tmp_path, year_rows(visitors=[1000] * 11 + [2000]))
    values = dict(
        IndicatorValue.objects.filter(area=area, year=2024).values_list("indicator__code", "value")
    )
    assert values["TS-FOREIGN-SHARE"] == pytest.approx(20.0)
    assert values["TS-SEASONALITY"] == pytest.approx(2000 / (13000 / 12), abs=1e-4)
    assert values["TS-STAYS-PER-RES"] == pytest.approx(15.0)
    assert "TS-CERTIFIED-SHARE" not in values  # the area has no tourism operator
    assert Statistic.objects.get(code="TS_SEASONALITY").unit == "倍"

    with django_capture_on_commit_callbacks(execute=True):
        _import(tmp_path, year_rows(visitors=[1000] * 12, foreign=1000), "corrected.csv")
    values = dict(
        IndicatorValue.objects.filter(area=area, year=2024).values_list("indicator__code", "value")
    )
    assert values["TS-SEASONALITY"] == pytest.approx(1.0)
    assert values["TS-FOREIGN-SHARE"] == pytest.approx(50.0)


def test_incomplete_years_feed_nothing(tmp_path, area):
    _import(tmp_path, year_rows()[:-4])  # December missing
    assert feed.annual_figures(area) == []
    assert not Observation.objects.exists()


def test_census_population_is_preferred_to_the_stored_residents(tmp_path, area):
    statistic = Statistic.objects.create(
        code="A1101", name="総人口", source_dataset="SSDSE-A", credit="test"
    )
    Observation.objects.create(
        statistic=statistic, area=area, year=2020, value=2000, edition="2020"
    )
    _import(tmp_path, year_rows())
    figures = {(s, y): v for s, y, v in feed.annual_figures(area)}
    assert figures[("TS_RESIDENTS", 2024)] == 2000


def test_certified_share_hook(tmp_path, area, django_capture_on_commit_callbacks, monkeypatch):
    monkeypatch.setattr(feed, "_certified_share_provider", lambda place, year: 12.5)
    with django_capture_on_commit_callbacks(execute=True):
        _import(tmp_path, year_rows())
    value = IndicatorValue.objects.get(area=area, year=2024, indicator__code="TS-CERTIFIED-SHARE")
    assert value.value == 12.5


def test_crowding_levels_follow_the_thresholds(tmp_path, area):
    visitors = [1000] * 12
    visitors[3], visitors[7] = 2100, 3200  # April over warning, August over critical
    _import(tmp_path, year_rows(visitors=visitors))
    assert [c.level for c in selectors.crowding(area).cells] == [""] * 12
    services.crowding_threshold_set(area=area, warning=2.0, critical=3.0)
    result = selectors.crowding(area)
    assert [(c.month, c.level) for c in result.over] == [(4, "warning"), (8, "critical")]
    assert result.cells[7].per_resident == pytest.approx(3.2)
    services.crowding_threshold_set(area=area, warning=2.5, critical=4.0)
    assert [(c.month, c.level) for c in selectors.crowding(area).over] == [(8, "warning")]
    assert CrowdingThreshold.objects.count() == 1


@pytest.mark.parametrize(("warning", "critical"), [(2.0, 2.0), (0, 1.0), (3.0, 2.0)])
def test_thresholds_must_be_ordered(area, warning, critical):
    with pytest.raises(ValidationError, match="critical level above"):
        services.crowding_threshold_set(area=area, warning=warning, critical=critical)
    assert not CrowdingThreshold.objects.exists()
