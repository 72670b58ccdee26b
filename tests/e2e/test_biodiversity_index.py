"""The City Biodiversity Index page of the demo: total, components and the comparison chart,
in Japanese and in English."""

import pytest
from django.db.models import Sum

from tsunagu.biodiversity_index.models import Assessment

pytestmark = pytest.mark.e2e


@pytest.mark.parametrize(
    ("prefix", "component"),
    [("", "市域に占める自然地の割合"), ("/en", "Proportion of natural areas in the city")],
)
def test_cbi_page_shows_total_and_comparison_chart(page, site, screenshot, prefix, component):
    latest = Assessment.objects.filter(status="published").order_by("-year").first()
    assert latest is not None, "the demo publishes assessments"
    total = latest.scores.aggregate(total=Sum("score"))["total"]
    page.goto(f"{site.url}{prefix}/nature/biodiversity-index/")
    assert page.get_by_test_id("cbi-total").inner_text() == str(total)
    assert str(latest.year) in page.locator("h1").inner_text()
    assert component in page.get_by_test_id("cbi-indicators-native").inner_text()
    page.wait_for_selector("#cbi-chart svg")
    # one bar series per component plus the total line, for each published year
    years = page.get_by_test_id("cbi-comparison").locator("tbody tr").count()
    assert years == Assessment.objects.filter(status="published").count() >= 2
    assert page.locator("#cbi-chart svg path").count() > years
    assert page.get_by_test_id("demo-notice").is_visible()
    screenshot(page, f"biodiversity-index{prefix.replace('/', '-') or '-ja'}")
