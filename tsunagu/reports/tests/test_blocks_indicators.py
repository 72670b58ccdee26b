"""The SDG blocks (goal_overview, goal_detail, sources) against the indicators' own selectors,
on the indicators app's small synthetic country (30 municipalities, three indicators)."""

import json
from datetime import date

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from tsunagu.core.models import Area, Goal
from tsunagu.indicators import selectors
from tsunagu.indicators.models import Indicator, IndicatorValue, Score, ScoreKind
from tsunagu.indicators.services.indicator_set import indicator_set_load
from tsunagu.indicators.services.observations import observations_import
from tsunagu.indicators.tasks import indicator_scores_refresh
from tsunagu.indicators.tests.test_scoring_service import MINI_SET, synthetic_country
from tsunagu.reports.blocks import block_get
from tsunagu.reports.blocks.base import BlockContext

pytestmark = pytest.mark.django_db
CITY = "17210"


@pytest.fixture
def scored(settings):
    settings.TSUNAGU_CITY_CODE = CITY
    observations_import(synthetic_country(), register_areas=True)
    indicator_set_load(MINI_SET)
    indicator_scores_refresh()


@pytest.fixture
def city(scored):
    return Area.objects.get(code=CITY)


def context(area: Area, *, year: int = 2024, **extra) -> BlockContext:
    """A fiscal year ending in `year`."""
    return BlockContext(
        area=area, period_start=date(year - 1, 4, 1), period_end=date(year, 3, 31), **extra
    )


def figures(data: dict) -> dict[str, dict]:
    return {figure["key"]: figure for figure in data["figures"]}


def rendered(name: str, data: dict) -> dict[str, str]:
    template = block_get(name).template
    return {lang: render_to_string(template, {"data": data, "lang": lang}) for lang in ("ja", "en")}


def test_goal_overview_figures_are_the_stored_scores(city):
    data = block_get("goal_overview").collect(context(city))
    expected = selectors.area_scores(area=city, year=selectors.scores_year())
    found = figures(data)

    assert data["year"] == expected.year
    assert found["index"]["value"] == expected.index.score
    assert found["index"]["year"] == expected.year
    assert len(data["figures"]) == 1 + 17
    for result in expected.goals:
        figure = found[f"goal_{result.goal.number}"]
        assert figure["value"] == result.score
        assert figure["colour"] == result.colour
        assert figure["trend"] == result.trend
        assert figure["year"] == expected.year
        assert figure["source"] == found["index"]["source"]
    assert {r.goal.number for r in expected.goals if r.score is not None} == {3, 8}
    chart = data["charts"][0]
    assert chart["kind"] == "hbar"
    assert chart["max"] == 100
    assert chart["series"][0]["values"] == [r.score for r in expected.goals]
    assert chart["series"][0]["colours"] == [r.colour for r in expected.goals]
    table = data["tables"][0]
    assert len(table["rows"]) == 17
    assert len(table["columns"]) == 4
    json.dumps(data)


def test_goal_overview_credits_the_statistics_and_the_method(city):
    source = block_get("goal_overview").collect(context(city))["figures"][0]["source"]
    # synthetic_country's credits, the SDSN method and the year of the data
    assert source["en"].startswith("source; ")
    assert "SDSN" in source["en"]
    assert "2022" in source["en"]
    assert source["ja"].startswith("出典；")
    assert "SDSN" in source["ja"]


def test_goal_overview_takes_the_latest_scores_up_to_the_period(city):
    assert block_get("goal_overview").collect(context(city, year=2021))["year"] is None
    Score.objects.update(year=2020)

    data = block_get("goal_overview").collect(context(city, year=2021))

    assert data["year"] == 2020
    expected = selectors.area_scores(area=city, year=2020)
    assert figures(data)["index"]["value"] == expected.index.score


def test_goal_overview_without_scores_says_so(scored):
    Score.objects.all().delete()
    area = Area.objects.get(code=CITY)

    data = block_get("goal_overview").collect(context(area))

    assert data["figures"] == []
    json.dumps(data)
    pages = rendered("goal_overview", data)
    assert "No SDG scores" in pages["en"]
    assert "<svg" not in pages["en"]


def test_goal_overview_renders_goal_names_in_each_language(city):
    pages = rendered("goal_overview", block_get("goal_overview").collect(context(city)))

    assert "貧困をなくそう" in pages["ja"]
    assert "No poverty" not in pages["ja"]
    assert "No poverty" in pages["en"]
    assert "貧困をなくそう" not in pages["en"]
    for page in pages.values():
        assert page.count("<h3>") == 2
        assert "<h2" not in page
        assert 'role="img"' in page
        assert '<th scope="col">' in page


def test_goal_detail_figures_are_the_selectors_values(city):
    data = block_get("goal_detail").collect(context(city, params={"goal": 3}))
    scores = selectors.area_scores(area=city, year=selectors.scores_year())
    goal_result = next(r for r in scores.goals if r.goal.number == 3)
    found = figures(data)

    assert found["goal_3"]["value"] == goal_result.score
    assert data["score"] == goal_result.score
    assert data["colour"] == goal_result.colour
    assert data["trend"] == goal_result.trend
    indicator = Indicator.objects.get(code="T03-01")
    series = list(selectors.indicator_series(indicator=indicator, area=city))
    assert found["indicator_T03-01"]["value"] == series[-1].value
    assert found["indicator_T03-01"]["year"] == series[-1].year
    assert found["indicator_T03-01"]["unit"] == {"ja": "人／10万人", "en": "per 100,000 residents"}
    progress = Score.objects.get(area=city, kind=ScoreKind.TARGET_PROGRESS, code="T03-01")
    assert found["indicator_T03-01_progress"]["value"] == progress.score
    assert found["indicator_T03-01_progress"]["status"] == progress.trend
    (item,) = data["indicators"]
    own = scores.indicators["T03-01"]
    assert (item["score"], item["colour"], item["trend"]) == (own.score, own.colour, own.trend)
    assert item["target"] == {
        "value": indicator.target_value,
        "base_year": indicator.target_base_year,
        "year": indicator.target_year,
        "is_demo": indicator.target_is_demo,
    }
    (chart,) = data["charts"]
    assert chart["kind"] == "line"
    assert chart["categories"] == [str(v.year) for v in series]
    assert chart["series"][0]["values"] == [v.value for v in series]
    (table,) = data["tables"]
    assert len(table["columns"]) == 8  # with the local target and the progress
    assert len(table["rows"]) == 1
    json.dumps(data)


def test_goal_detail_of_a_goal_with_two_indicators(city):
    data = block_get("goal_detail").collect(context(city, params={"goal": 8}))
    found = figures(data)

    for code in ("T08-01", "T08-02"):
        indicator = Indicator.objects.get(code=code)
        latest = list(selectors.indicator_series(indicator=indicator, area=city))[-1]
        assert found[f"indicator_{code}"]["value"] == latest.value
        assert f"indicator_{code}_progress" not in found  # no local target
    assert [c["id"] for c in data["charts"]] == ["indicator-t08-01", "indicator-t08-02"]
    assert len(data["tables"][0]["columns"]) == 6


def test_goal_detail_elsewhere_has_no_local_targets(scored):
    area = Area.objects.get(code="17201")

    data = block_get("goal_detail").collect(context(area, params={"goal": 3}))

    assert "indicator_T03-01_progress" not in figures(data)
    assert data["indicators"][0]["target"] is None
    expected = list(
        selectors.indicator_series(indicator=Indicator.objects.get(code="T03-01"), area=area)
    )
    assert figures(data)["indicator_T03-01"]["value"] == expected[-1].value


def test_goal_detail_values_stop_at_the_period(city):
    data = block_get("goal_detail").collect(context(city, year=2021, params={"goal": 3}))

    indicator = Indicator.objects.get(code="T03-01")
    upto = [v for v in selectors.indicator_series(indicator=indicator, area=city) if v.year <= 2021]
    assert figures(data)["indicator_T03-01"]["year"] == upto[-1].year == 2020
    assert data["year"] is None  # the scores are of 2022


def test_goal_detail_charts_the_six_longest_series(city):
    goal = Goal.objects.get(number=3)
    for n in range(7):
        indicator = Indicator.objects.create(
            code=f"X03-{n}",
            indicator_set="test",
            order=10 + n,
            name=f"extra {n}",
            goal=goal,
            formula="A1101",
            unit="",
            direction="higher",
            upper_bound=1,
            green_threshold=1,
            red_threshold=0,
            source="test",
        )
        for year in range(2010, 2012 + n):
            IndicatorValue.objects.create(indicator=indicator, area=city, year=year, value=n)

    data = block_get("goal_detail").collect(context(city, params={"goal": 3}))

    # X03-n has n + 2 points and T03-01 three: of the two with three, the first in the goal's
    # order is charted; the charts keep that order
    assert [c["id"] for c in data["charts"]] == [
        "indicator-t03-01",
        *(f"indicator-x03-{n}" for n in range(2, 7)),
    ]
    assert len(data["tables"][0]["rows"]) == 8


def test_goal_detail_renders_in_each_language(city):
    data = block_get("goal_detail").collect(context(city, params={"goal": 3}))
    pages = rendered("goal_detail", data)

    assert "人口10万人当たり医師数" in pages["ja"]
    assert "Doctors per 100,000 residents" not in pages["ja"]
    assert "Doctors per 100,000 residents" in pages["en"]
    assert "人口10万人当たり医師数" not in pages["en"]
    assert "あらゆる年齢のすべての人々の健康的な生活を確保" in pages["ja"]
    assert "Ensure healthy lives" in pages["en"]
    for page in pages.values():
        assert "<h2" not in page
        assert "<h3>" in page
        assert "<svg" in page


def test_goal_detail_heading_names_the_goal(scored):
    block = block_get("goal_detail")

    heading = block.default_heading({"goal": 3})

    assert "3" in heading["ja"]
    assert "すべての人に健康と福祉を" in heading["ja"]
    assert heading["en"] == "Goal 3: Good health and well-being"
    assert block.default_heading({}) == block.default_heading({"goal": 18}) != heading


def test_goal_detail_refuses_a_goal_outside_1_to_17(city):
    for params in ({}, {"goal": 0}, {"goal": 18}, {"goal": "x"}):
        with translation.override("en"), pytest.raises(ValueError, match="1 to 17"):
            block_get("goal_detail").collect(context(city, params=params))


def test_sources_lists_each_source_once_in_order():
    a = {"ja": "出典A", "en": "Source A"}
    b = {"ja": "出典B", "en": "Source B"}
    c = {"ja": "出典C", "en": "Source C"}
    earlier = (
        {"sources": [a], "figures": [{"key": "x", "source": a}, {"key": "y", "source": b}]},
        {"charts": [{"source": c}], "tables": [{"source": b}, {"source": ""}]},
        {"sources": ["SSDSE-A", a]},
        {},
    )

    data = block_get("sources").collect(context(Area(code="17201"), earlier=earlier))

    assert data["sources"] == [a, b, c, {"ja": "SSDSE-A", "en": "SSDSE-A"}]
    assert figures(data)["sources_count"]["value"] == 4
    json.dumps(data)


def test_sources_of_the_sdg_blocks(city):
    earlier = tuple(
        block_get(name).collect(context(city, params=params))
        for name, params in [
            ("goal_overview", {}),
            ("goal_detail", {"goal": 3}),
            ("goal_detail", {"goal": 8}),
        ]
    )
    named = []
    for data in earlier:
        named += data["sources"]
        for part in ("figures", "charts", "tables"):
            named += [item["source"] for item in data[part]]

    data = block_get("sources").collect(context(city, earlier=earlier))

    distinct = list(dict.fromkeys((s["ja"], s["en"]) for s in named))
    assert [(s["ja"], s["en"]) for s in data["sources"]] == distinct
    assert len(distinct) < len(named)
    assert figures(data)["sources_count"]["value"] == len(distinct)
    assert data["sources"][0] == earlier[0]["sources"][0]
    json.dumps(data)
    pages = rendered("sources", data)
    assert "SDSN" in pages["en"]
    assert "Open SDG" in pages["en"]
    for page in pages.values():
        assert page.count("<li>") == len(distinct) + len(data["references"])
        assert "<h2" not in page
