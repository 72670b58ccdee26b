"""The Creative Cities Network map in a browser: the MapLibre canvas, the field filter that
changes the count, and Kanazawa's exchange lines (drawn and listed)."""

import pytest

pytestmark = pytest.mark.e2e


def shown(page) -> int:
    return int(page.get_by_test_id("network-count").get_attribute("data-shown"))


def test_network_map_filters_by_field_and_draws_kanazawa_lines(page, site, screenshot):
    page.goto(f"{site.url}/en/network/")
    page.wait_for_selector("#network-map canvas")
    page.wait_for_function("() => document.getElementById('network-map').dataset.ready === 'true'")
    assert "basemapError" not in (page.eval_on_selector("#network-map", "n => ({...n.dataset})"))
    total = shown(page)
    assert total > 0

    # the demo's exchanges reach cities with coordinates: lines on the map and in the list
    lines = int(page.get_by_test_id("network-map").get_attribute("data-exchange-lines"))
    assert lines >= 1
    assert page.get_by_test_id("exchange-lines").locator("li").count() == lines
    drawn = page.evaluate("() => document.querySelectorAll('#network-map canvas').length")
    assert drawn == 1
    screenshot(page, "network-map-en")

    page.select_option("#network-field", "Crafts and Folk Art")
    page.wait_for_function(
        f"() => Number(document.getElementById('network-count').dataset.shown) < {total}"
    )
    crafts = shown(page)
    assert 0 < crafts < total
    assert "Cities shown: " in page.get_by_test_id("network-count").inner_text()
    visible_rows = page.locator("[data-testid=city-table] tbody tr:visible").count()
    assert visible_rows == crafts
    assert "field=Crafts" in page.url

    page.goto(f"{site.url}/network/cities/kanazawa/")  # Japanese city page with its exchanges
    assert page.get_by_test_id("exchange").count() >= 1
