"""The yearly statistics page with the demo events: sentences, tables and charts."""

import pytest

pytestmark = pytest.mark.e2e


def test_statistics_page_draws_its_charts(page, site, screenshot):
    page.goto(f"{site.url}/en/events/statistics/")
    sentences = page.get_by_test_id("series-sentences").inner_text()
    assert "SDGs Café: held 8 times in 2021 (8 online), 500 participants in total" in sentences
    page.wait_for_selector("#events-chart svg")
    page.wait_for_selector("#sdg-chart svg")
    assert page.locator("table caption").count() >= 4
    screenshot(page, "event-statistics-en")
