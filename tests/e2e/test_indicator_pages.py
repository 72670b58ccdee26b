"""Indicator dashboards in a real browser, on the real SSDSE-A statistics."""

import re

import pytest

from tsunagu.indicators.importers import ssdse
from tsunagu.indicators.models import Score
from tsunagu.indicators.services.indicator_set import DEFAULT_SET, indicator_set_load
from tsunagu.indicators.services.observations import observations_import
from tsunagu.indicators.tasks import indicator_scores_refresh

pytestmark = pytest.mark.e2e


@pytest.fixture
def statistics(site, data_dir):
    for edition in ("2018", "2026"):
        tidy = ssdse.read(data_dir / "ssdse" / f"SSDSE-A-{edition}.csv")
        observations_import(tidy, register_areas=True)
    indicator_set_load(DEFAULT_SET)
    indicator_scores_refresh()
    return site


def test_overview_goal_and_indicator_pages(page, statistics, screenshot):
    site = statistics
    index = Score.objects.get(area__code="17201", kind="index")

    page.goto(site.url + "/indicators/")
    assert "金沢市" in page.locator("h1").inner_text()
    assert page.get_by_test_id("index-score").inner_text() == f"{index.score:.1f}"
    if index.rank:
        assert page.get_by_test_id("index-rank").inner_text() == str(index.rank)
    screenshot(page, "indicators-overview-ja")

    page.get_by_test_id("language-en").click()
    page.wait_for_url(re.compile(r".*/en/indicators/"))
    assert "Kanazawa" in page.locator("h1").inner_text()
    screenshot(page, "indicators-overview-en")

    goal = Score.objects.get(area__code="17201", kind="goal", code="3")
    page.get_by_test_id("goal-3").click()
    page.wait_for_url(re.compile(r".*/en/indicators/goals/3/.*"))
    assert page.get_by_test_id("goal-score").inner_text() == f"{goal.score:.1f}"
    page.wait_for_selector("#goal-distribution svg")
    screenshot(page, "indicators-goal-en")

    page.locator("table.indicator-table a").first.click()
    page.wait_for_selector("#indicator-series svg")
    code = page.url.split("/indicators/")[1].split("/")[0]
    value = Score.objects.get(area__code="17201", kind="indicator", code=code).value
    assert page.get_by_test_id("indicator-value").inner_text() == f"{value:.2f}"
    screenshot(page, "indicators-indicator-en")
    page.get_by_test_id("language-ja").click()
    page.wait_for_url(re.compile(rf".*/indicators/{code}/.*"))
    assert page.locator("html").get_attribute("lang") == "ja"
    screenshot(page, "indicators-indicator-ja")
