"""Visitor statistics in the browser: city staff import a CSV on the staff page, and the
crowding heatmap and list then show the months over the area's thresholds."""

import re

import pytest

from tsunagu.accounts.roles import Role
from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.tourism_stats.demo import THRESHOLD_CRITICAL, THRESHOLD_WARNING

pytestmark = pytest.mark.e2e

PASSWORD = "correct horse battery staple"
RESIDENTS = 460_000
# 2026 for Kanazawa: May over the warning level, August over the critical level.
VISITORS = {5: round(RESIDENTS * (THRESHOLD_WARNING + 0.1)), 8: round(RESIDENTS * 3.0)}

CHART = """() => {
  const chart = echarts.getInstanceByDom(document.querySelector('#crowding-chart'));
  const option = chart.getOption();
  return {
    years: option.yAxis[0].data,
    cells: option.series[0].data,
    pieces: option.visualMap[0].pieces.length,
  };
}"""


def _csv(tmp_path):
    lines = ["area,year,month,measure,category,value,source"]
    for month in range(1, 13):
        visitors = VISITORS.get(month, 600_000)
        lines += [
            f"17201,2026,{month},visitors,,{visitors},browser test",
            f"17201,2026,{month},residents,,{RESIDENTS},browser test",
        ]
    path = tmp_path / "kanazawa-2026.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_staff_import_shows_months_over_threshold(page, site, screenshot, tmp_path):
    UserFactory(email="tourism-staff@example.org", roles=[Role.CITY_STAFF])
    page.goto(site.url + "/accounts/login/")
    page.locator("#id_username").fill("tourism-staff@example.org")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_load_state()

    page.goto(site.url + "/tourism/statistics/staff/import/")
    page.locator("#id_file").set_input_files(str(_csv(tmp_path)))
    page.get_by_test_id("import-submit").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("import-errors").count() == 0
    assert "kanazawa-2026.csv" in page.get_by_test_id("imports").inner_text()
    screenshot(page, "tourism-statistics-import")

    page.goto(site.url + "/tourism/statistics/crowding/?area=17201")
    page.wait_for_selector("#crowding-chart svg, #crowding-chart canvas")
    chart = page.evaluate(CHART)
    assert chart["years"][-1] == "2026"
    row = len(chart["years"]) - 1
    august = next(c for c in chart["cells"] if c[0] == 7 and c[1] == row)
    assert august[2] >= THRESHOLD_CRITICAL
    assert chart["pieces"] == 3
    over = page.get_by_test_id("months-over")
    assert over.locator("li[data-month='2026-08'].level-critical").count() == 1
    assert over.locator("li[data-month='2026-05'].level-warning").count() == 1
    assert over.locator("li[data-month^='2026-']").count() == 2
    assert page.get_by_test_id("demo-notice").count() == 1
    screenshot(page, "tourism-statistics-crowding-ja")

    page.get_by_test_id("language-en").click()
    page.wait_for_url(re.compile(r".*/en/tourism/statistics/crowding/.*"))
    page.wait_for_selector("#crowding-chart svg, #crowding-chart canvas")
    assert "Kanazawa" in page.locator("h1").inner_text()
    assert page.get_by_test_id("months-over").locator("li[data-month='2026-08']").count() == 1
    screenshot(page, "tourism-statistics-crowding-en")


def test_overview_draws_the_demo_figures_and_indicators(page, site, screenshot):
    page.goto(site.url + "/en/tourism/statistics/")
    page.wait_for_selector("#monthly-chart svg, #monthly-chart canvas")
    series = page.evaluate(
        """() => echarts.getInstanceByDom(document.querySelector('#monthly-chart'))
              .getOption().series.map((s) => s.data.length)"""
    )
    assert series == [7 * 12] * 3
    indicators = page.get_by_test_id("tourism-indicators")
    assert indicators.locator("tbody tr").count() == 7
    assert page.get_by_test_id("demo-notice").count() == 1
    assert "21st Century Museum" in page.get_by_test_id("attractions").inner_text()
    screenshot(page, "tourism-statistics-overview-en")
