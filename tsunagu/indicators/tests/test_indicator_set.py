"""The shipped default indicator set: reviewed content that loads and computes everywhere."""

import csv
from collections import Counter

import polars as pl
import pytest
import yaml

from tsunagu.indicators.formula import formula_statistics, indicator_values
from tsunagu.indicators.importers import ssdse
from tsunagu.indicators.models import CompositeIndicator, Indicator
from tsunagu.indicators.services.indicator_set import DEFAULT_SET, indicator_set_load

DOCUMENT = yaml.safe_load(DEFAULT_SET.read_text(encoding="utf-8"))


def test_at_least_40_indicators_over_12_goals_with_rationales():
    indicators = DOCUMENT["indicators"]
    assert len(indicators) >= 40
    assert len({i["goal"] for i in indicators}) >= 12
    for indicator in indicators:
        for language in ("ja", "en"):
            assert len(indicator["rationale"][language]) > 80, indicator["code"]
            assert indicator["name"][language], indicator["code"]


def test_targets_belong_to_the_indicators_goal():
    from tsunagu.core.services import FIXTURE_DIR

    with (FIXTURE_DIR / "targets.csv").open(encoding="utf-8") as handle:
        goal_of = {row["target"]: int(row["goal"]) for row in csv.DictReader(handle)}
    for indicator in DOCUMENT["indicators"]:
        for target in indicator["targets"]:
            assert goal_of[target] == indicator["goal"], (indicator["code"], target)


def test_demo_targets_are_labelled_as_demo():
    targets = [i["kanazawa_target"] for i in DOCUMENT["indicators"] if "kanazawa_target" in i]
    assert targets
    assert all(t["demo"] is True for t in targets)


@pytest.mark.django_db
def test_the_set_loads_with_composites():
    count = indicator_set_load(DEFAULT_SET)
    assert Indicator.objects.count() == count == len(DOCUMENT["indicators"])
    assert CompositeIndicator.objects.count() == len(DOCUMENT["composites"])
    assert all(c.components.count() >= 2 for c in CompositeIndicator.objects.all())


@pytest.mark.needs_data
def test_every_formula_computes_for_all_municipalities(data_dir):
    tidy = ssdse.read(data_dir / "ssdse" / "SSDSE-A-2026.csv")
    observations = tidy.frame.select("statistic", "area", "year", "value")
    known = set(observations["statistic"].unique().to_list())
    missing = Counter()
    for indicator in DOCUMENT["indicators"]:
        assert set(formula_statistics(indicator["formula"])) <= known, indicator["code"]
        values = indicator_values(indicator["formula"], observations)
        latest = values.group_by("area").agg(pl.col("value").last())
        missing[indicator["code"]] = 1741 - latest.height
    # Futaba (07546) had no residents in the 2020 census: per-resident rates are undefined.
    assert max(missing.values()) <= 1, missing.most_common(5)
