"""Survey campaigns in the browser: the demo firefly survey draws its charts in Japanese and
English, and a participant records a visit with a zero count."""

import re

import pytest

from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.nature.demo.campaigns import FIREFLY_SLUG
from tsunagu.nature.models import Campaign, Taxon, Visit

pytestmark = pytest.mark.e2e

PASSWORD = "correct horse battery staple"
URL = f"/nature/campaigns/{FIREFLY_SLUG}/"

# The series ECharts actually holds for a chart node: names and how many non-empty points.
SERIES = """(selector) => {
  const chart = echarts.getInstanceByDom(document.querySelector(selector));
  return chart.getOption().series.map((s) => ({
    name: s.name,
    points: s.data.filter((v) => v !== null && (!Array.isArray(v) || v[1] !== null)).length,
  }));
}"""


def _charts_drawn(page) -> tuple[list, list]:
    page.wait_for_selector("#season-chart canvas")
    page.wait_for_selector("#night-chart canvas")
    return page.evaluate(SERIES, "#season-chart"), page.evaluate(SERIES, "#night-chart")


def test_campaign_page_draws_its_charts_in_both_languages(page, site, screenshot):
    page.goto(site.url + URL)
    assert page.locator("html").get_attribute("lang") == "ja"
    assert "ホタル調査" in page.locator("h1").inner_text()
    seasons, nights = _charts_drawn(page)
    assert [s["name"] for s in seasons] == [
        "菊川・取水口付近",
        "菊川公民館前",
        "せせらぎ通り",
        "長町",
    ]
    assert all(s["points"] == 12 for s in seasons)  # one mean per season 2015–2026
    assert all(n["points"] >= 1 for n in nights)
    assert page.get_by_test_id("trends").locator("tr[data-direction=decreasing]").count() >= 1
    assert page.locator("#campaign-map canvas").count() == 1
    screenshot(page, "nature-campaign-ja")

    page.get_by_test_id("language-en").click()
    page.wait_for_url(re.compile(rf".*/en{URL}$"))
    assert "Kikugawa firefly survey" in page.locator("h1").inner_text()
    seasons, _ = _charts_drawn(page)
    assert seasons[2]["name"] == "Seseragi-dori"
    heike = Taxon.objects.get(scientific_name="Aquatica lateralis")
    page.get_by_test_id("chart-taxon").select_option(str(heike.pk))
    seasons = page.evaluate(SERIES, "#season-chart")
    assert all(s["points"] == 12 for s in seasons)
    screenshot(page, "nature-campaign-en")


def test_participant_records_a_visit_with_a_zero(page, site, screenshot):
    UserFactory(email="kodomo-kai@example.org", full_name="菊川 太郎")
    campaign = Campaign.objects.get(slug=FIREFLY_SLUG)
    genji = campaign.target_taxa.get(scientific_name="Luciola cruciata")
    heike = campaign.target_taxa.get(scientific_name="Aquatica lateralis")
    page.goto(site.url + "/accounts/login/")
    page.locator("#id_username").fill("kodomo-kai@example.org")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_load_state()

    page.goto(site.url + URL + "join/")
    page.get_by_test_id("join-self").click()
    page.wait_for_url(re.compile(rf".*{URL}$"))
    page.get_by_test_id("record-visit").click()
    page.wait_for_url(re.compile(r".*/visits/new/$"))
    page.locator("#id_site").select_option(label="せせらぎ通り")
    page.locator("#id_date").fill("2026-06-28")  # in the season, after the demo's visits
    page.locator("#id_start_time").fill("19:30")
    page.locator("#id_end_time").fill("21:00")
    page.locator("#id_observers_count").fill("5")
    page.locator("#id_weather").select_option("clear")
    page.locator("#id_moon").select_option("half")
    page.locator("#id_protocol_variant").fill("three 10-second counts")
    page.locator(f"#id_sub_counts_{genji.pk}").fill("12, 15, 10")
    page.locator(f"#id_count_{heike.pk}").fill("")
    page.get_by_test_id("save-visit").click()
    # A complete checklist without the Heike count: refused, nothing saved, the field says so.
    assert page.get_by_test_id(f"count-row-{heike.pk}").locator(".errorlist").count() == 1
    assert not Visit.objects.filter(recorded_by__email="kodomo-kai@example.org").exists()

    page.locator(f"#id_count_{heike.pk}").fill("0")
    page.get_by_test_id("save-visit").click()
    page.wait_for_url(re.compile(rf".*{URL}$"))
    visit = Visit.objects.get(recorded_by__email="kodomo-kai@example.org")
    assert visit.date.isoformat() == "2026-06-28"
    counts = {c.taxon_id: (c.count, c.sub_counts) for c in visit.counts.all()}
    assert counts == {genji.pk: (15, [12, 15, 10]), heike.pk: (0, [])}
    row = page.get_by_test_id(f"visit-{visit.pk}")
    assert "15" in row.inner_text()
    assert "0" in row.inner_text()
    screenshot(page, "nature-campaign-visit")
