"""The biocultural graph in a browser: a canvas with the region's nodes in both languages,
a click on a node or on the table opens the cultural element's page."""

import pytest

from tests.e2e.test_site_shell import run_axe

pytestmark = pytest.mark.e2e

# Where a node is drawn, in page pixels: its layout converted by the chart itself.
NODE_POSITION = """(id) => {
  const el = document.getElementById("biocultural-graph");
  const chart = echarts.getInstanceByDom(el);
  const index = chart.getOption().series[0].data.findIndex((n) => n.id === id);
  const layout = chart.getModel().getSeriesByIndex(0).getData().getItemLayout(index);
  const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, layout);
  const box = el.getBoundingClientRect();
  return { x: box.left + x, y: box.top + y };
}"""

NODE_NAMES = """() => echarts.getInstanceByDom(document.getElementById("biocultural-graph"))
  .getOption().series[0].data.map((n) => n.name)"""


@pytest.mark.parametrize(
    ("prefix", "element", "region"),
    [("", "加賀友禅", "能登"), ("/en", "Kaga-yuzen dyeing", "Noto")],
)
def test_graph_draws_the_region_and_a_node_click_opens_the_element(
    page, site, screenshot, prefix, element, region
):
    page.goto(f"{site.url}{prefix}/nature/culture/graph/")
    page.wait_for_selector("#biocultural-graph canvas")
    names = page.evaluate(NODE_NAMES)
    assert element in names
    assert region in names
    assert len(names) > 30
    screenshot(page, f"biocultural-graph{prefix.replace('/', '-') or '-ja'}")
    chart = page.locator("#biocultural-graph")
    chart.scroll_into_view_if_needed()  # mouse clicks land only inside the viewport
    point = page.evaluate(NODE_POSITION, "element:kaga-yuzen")
    box = chart.bounding_box()
    assert box["x"] < point["x"] < box["x"] + box["width"]
    assert max(box["y"], 0) < point["y"] < min(box["y"] + box["height"], 900)
    page.mouse.click(point["x"], point["y"])
    page.wait_for_url(f"**{prefix}/nature/culture/elements/kaga-yuzen/")
    assert page.get_by_test_id("element-name").inner_text() == element


def test_table_link_opens_the_element_page(page, site):
    page.goto(f"{site.url}/en/nature/culture/graph/")
    page.wait_for_selector("#biocultural-graph canvas")
    serious = [v["id"] for v in run_axe(page) if v["impact"] in ("serious", "critical")]
    assert serious == []
    table = page.get_by_test_id("links-table")
    table.get_by_role("link", name="Snow-bracing (yukitsuri) at Kenrokuen").first.click()
    page.wait_for_url("**/en/nature/culture/elements/kenrokuen-yukitsuri/")
    assert "Rice-straw rope" in page.get_by_test_id("links-table").inner_text()
    assert [v["id"] for v in run_axe(page) if v["impact"] in ("serious", "critical")] == []
