"""Unit tests of the SDSN engine on small hand-made frames."""

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tsunagu.scoring.sdsn import (
    goal_colours,
    goal_scores,
    goal_trends,
    index_scores,
    indicator_colours,
    indicator_coverage,
    indicator_trends,
    lower_bounds_fill,
    normalise,
    ranks,
    read_data_csv,
    read_spec_csv,
    scores_tidy,
    sdsn_pipeline,
    spec_validate,
    write_scores_csv,
)


def make_spec(*rows: tuple) -> pl.DataFrame:
    """Rows: indicator, goal, direction, lower, upper, green, yellow, red."""
    columns = ["indicator", "goal", "direction", "lower_bound", "upper_bound"]
    columns += ["green_threshold", "yellow_threshold", "red_threshold"]
    schema = dict.fromkeys(columns, pl.Float64) | {
        "indicator": pl.String,
        "goal": pl.Int64,
        "direction": pl.String,
    }
    return spec_validate(pl.DataFrame(rows, schema=schema, orient="row"))


UP = ("up", 1, "higher", 0.0, 100.0, 80.0, None, 40.0)
DOWN = ("down", 1, "lower", 50.0, 0.0, 10.0, None, 30.0)


def make_values(*rows: tuple, year: int = 2020) -> pl.DataFrame:
    return pl.DataFrame(
        [(area, indicator, year, value) for area, indicator, value in rows],
        schema={"area": pl.String, "indicator": pl.String, "year": pl.Int64, "value": pl.Float64},
        orient="row",
    )


def scores_of(frame: pl.DataFrame) -> dict[str, float]:
    return dict(frame.select("area", "score").iter_rows())


def test_normalise_higher_is_better_censors_both_ends():
    values = make_values(("a", "up", -5.0), ("b", "up", 25.0), ("c", "up", 130.0))
    assert scores_of(normalise(values, make_spec(UP))) == {"a": 0.0, "b": 25.0, "c": 100.0}


def test_normalise_lower_is_better_mirrors():
    values = make_values(("a", "down", 60.0), ("b", "down", 10.0), ("c", "down", -1.0))
    assert scores_of(normalise(values, make_spec(DOWN))) == {"a": 0.0, "b": 80.0, "c": 100.0}


def test_normalise_lazy_in_lazy_out():
    values = make_values(("a", "up", 50.0)).lazy()
    assert isinstance(normalise(values, make_spec(UP)), pl.LazyFrame)


def test_lower_bound_is_the_worst_percentile_for_the_direction():
    spec = make_spec(
        ("up", 1, "higher", None, 100.0, 80.0, None, 40.0),
        ("down", 1, "lower", None, 0.0, 10.0, None, 30.0),
    )
    values = make_values(*[(f"a{v}", name, float(v)) for v in range(41) for name in ("up", "down")])
    bounds = dict(lower_bounds_fill(values, spec).select("indicator", "lower_bound").iter_rows())
    # 41 values 0..40: linear percentiles 2.5% → 1.0 and 97.5% → 39.0.
    assert bounds == {"up": pytest.approx(1.0), "down": pytest.approx(39.0)}


def test_spec_yellow_threshold_defaults_to_midpoint():
    assert make_spec(UP, DOWN)["yellow_threshold"].to_list() == [60.0, 20.0]


def test_goal_scores_are_means_of_available_indicators():
    spec = make_spec(UP, DOWN, ("other", 2, "higher", 0.0, 10.0, 8.0, None, 4.0))
    scores = pl.DataFrame(
        {"area": ["a", "a", "a"], "indicator": ["up", "down", "other"], "score": [20.0, None, 70.0]}
    )
    goals = goal_scores(scores, spec).sort("goal")
    assert goals.select("goal", "score").rows() == [(1, 20.0), (2, 70.0)]


def test_index_coverage_rule_keeps_score_but_drops_rank():
    spec = make_spec(*[(f"i{n}", 1, "higher", 0.0, 100.0, 80.0, None, 40.0) for n in range(5)])
    full = [("full", f"i{n}", 50.0) for n in range(5)]
    sparse = [("sparse", f"i{n}", 90.0) for n in range(3)]
    values = make_values(*full, *sparse)
    coverage = indicator_coverage(values, spec)
    goals = goal_scores(normalise(values, spec), spec)
    index = ranks(index_scores(goals, coverage, min_coverage=0.8)).sort("area")
    assert index["coverage"].to_list() == pytest.approx([1.0, 0.6])
    assert index.select("area", "ranked", "rank").rows() == [
        ("full", True, 1),
        ("sparse", False, None),
    ]
    assert index["score"].to_list() == [50.0, 90.0]


def test_ranks_ties_share_the_min_rank_and_groups_rank_within():
    index = pl.DataFrame(
        {
            "area": ["a", "b", "c", "d", "e"],
            "score": [80.0, 90.0, 80.0, 70.0, 99.0],
            "ranked": [True, True, True, True, False],
        }
    )
    groups = pl.DataFrame({"area": ["a", "b", "c", "d"], "pref": ["x", "y", "x", None]})
    ranked = ranks(index, groups).sort("area")
    assert ranked["rank"].to_list() == [2, 1, 2, 4, None]
    assert ranked["rank_pref"].to_list() == [1, 1, 1, None, None]


@pytest.mark.parametrize(
    ("indicator", "value", "colour"),
    [
        ("up", 80.0, "green"),
        ("up", 60.0, "yellow"),
        ("up", 59.9, "orange"),
        ("up", 40.0, "orange"),
        ("up", 39.9, "red"),
        ("down", 10.0, "green"),
        ("down", 20.0, "yellow"),
        ("down", 20.1, "orange"),
        ("down", 30.0, "orange"),
        ("down", 30.1, "red"),
    ],
)
def test_indicator_colour_branches(indicator, value, colour):
    coloured = indicator_colours(make_values(("a", indicator, value)), make_spec(UP, DOWN))
    assert coloured["colour"].item() == colour


def test_indicator_rating_is_piecewise_linear():
    values = make_values(("a", "up", 20.0), ("b", "up", 60.0), ("c", "up", 90.0))
    rated = indicator_colours(values, make_spec(UP)).sort("area")
    assert rated["rating"].to_list() == pytest.approx([0.5, 1.5, 2.5])


GOAL_SPEC = (
    ("g1", 1, "higher", 0.0, 100.0, 80.0, None, 40.0),
    ("g2", 1, "higher", 0.0, 100.0, 80.0, None, 40.0),
    ("g3", 1, "higher", 0.0, 100.0, 80.0, None, 40.0),
    ("g4", 1, "higher", 0.0, 100.0, 80.0, None, 40.0),
)


@pytest.mark.parametrize(
    ("values", "colour"),
    [
        ((90.0, 85.0, 99.0, 100.0), "green"),
        ((90.0, 70.0, 99.0, 100.0), "yellow"),  # one of the two worst is not green
        ((10.0, 20.0, 99.0, 100.0), "red"),
        ((30.0, 50.0, 99.0, None), "orange"),  # ratings 0.75 and 1.25 → mean 1.0
        ((39.0, 75.0, 99.0, None), "orange"),  # red and yellow: 0.975 and 1.875 → 1.425
        ((30.0, 90.0, None, None), "yellow"),  # red and green: 0.75 and 2.5 → 1.625
        ((90.0, None, None, None), "grey"),  # 1 of 4 indicators has data
    ],
)
def test_goal_two_worst_rule(values, colour):
    rows = [("a", f"g{n + 1}", v) for n, v in enumerate(values) if v is not None]
    spec = make_spec(*GOAL_SPEC)
    coloured = indicator_colours(make_values(*rows), spec)
    assert goal_colours(coloured, spec)["colour"].item() == colour


def test_goal_with_one_indicator_takes_its_colour():
    spec = make_spec(UP)
    coloured = indicator_colours(make_values(("a", "up", 50.0)), spec)
    assert goal_colours(coloured, spec)["colour"].item() == "orange"


def test_goal_colour_discrete_method():
    spec = make_spec(*GOAL_SPEC)
    coloured = indicator_colours(make_values(("a", "g1", 90.0), ("a", "g2", 50.0)), spec)
    # green 3 + orange 1 → 2.0 ≥ 1.5 → yellow; continuous: 2.5 and 1.25 → 1.875 → yellow too.
    assert goal_colours(coloured, spec, method="discrete")["colour"].item() == "yellow"


def series(indicator: str, points: dict[int, float]) -> pl.DataFrame:
    return pl.concat(make_values(("a", indicator, v), year=y) for y, v in points.items())


@pytest.mark.parametrize(
    ("indicator", "points", "trend"),
    [
        # green at 80; needed from 40 in 2010: 2/yr to 2030.
        ("up", {2010: 40.0, 2020: 60.0}, "on_track"),
        ("up", {2010: 40.0, 2020: 50.0}, "moderately_improving"),
        ("up", {2010: 40.0, 2020: 45.0}, "stagnating"),
        ("up", {2010: 40.0, 2020: 40.0}, "stagnating"),
        ("up", {2010: 40.0, 2020: 35.0}, "decreasing"),
        ("up", {2010: 85.0, 2020: 90.0}, "maintaining"),
        ("up", {2010: 70.0, 2020: 80.0}, "on_track"),  # reached green
        ("up", {2010: 85.0, 2020: 75.0}, "decreasing"),  # fell out of green
        ("down", {2010: 30.0, 2015: 25.0, 2020: 20.0}, "on_track"),  # needs 1/yr, does 1/yr
        ("down", {2010: 30.0, 2020: 35.0}, "decreasing"),
        ("up", {2020: 50.0}, None),
    ],
)
def test_indicator_trend_arrows(indicator, points, trend):
    trends = indicator_trends(series(indicator, points), make_spec(UP, DOWN))
    assert trends["trend"].item() == trend


def test_trend_window_limits_the_years():
    points = {2000: 0.0, 2010: 40.0, 2020: 60.0}
    trends = indicator_trends(series("up", points), make_spec(UP), start_year=2010)
    assert trends.select("first_year", "trend").row(0) == (2010, "on_track")


def test_goal_trend_is_nearest_arrow_with_coverage_rule():
    spec = make_spec(*GOAL_SPEC)
    trends = pl.DataFrame(
        {
            "area": ["a", "a", "a", "b", "b"],
            "indicator": ["g1", "g2", "g3", "g1", "g2"],
            "trend": ["on_track", "stagnating", "moderately_improving", "on_track", "on_track"],
        }
    )
    goal = dict(goal_trends(trends, spec).select("area", "trend").iter_rows())
    # a: mean of 3, 1, 2 = 2 → moderately improving; b: 2 of 4 indicators < 75% → none.
    assert goal == {"a": "moderately_improving", "b": None}


def test_pipeline_and_tidy_frame(tmp_path):
    spec = make_spec(UP, DOWN, ("other", 2, "higher", 0.0, 10.0, 8.0, None, 4.0))
    values = pl.concat(
        [
            make_values(("a", "up", 50.0), ("a", "down", 20.0), ("b", "up", 90.0), year=2015),
            make_values(
                ("a", "up", 70.0),
                ("a", "down", 10.0),
                ("a", "other", 9.0),
                ("b", "up", 95.0),
                ("b", "down", 5.0),
                ("b", "other", 2.0),
            ),
        ]
    )
    groups = pl.DataFrame({"area": ["a", "b"], "pref": ["x", "x"]})
    result = sdsn_pipeline(values, spec, groups=groups, rank_within=["pref"])
    tidy = scores_tidy(result)
    assert tidy.columns == ["area", "year", "kind", "code", "score", "colour", "trend", "rank"]
    assert tidy.height == 2 * (1 + 2 + 3)
    index = tidy.filter(pl.col("kind") == "index").sort("area")
    # a: goals 75 and 90 → 82.5; b: goals 92.5 and 20 → 56.25.
    assert index["score"].to_list() == pytest.approx([82.5, 56.25])
    assert index["rank"].to_list() == [1, 2]
    assert result.index["rank_pref"].to_list() == [1, 2]
    goal_1 = tidy.filter((pl.col("area") == "a") & (pl.col("code") == "1")).row(0, named=True)
    assert goal_1["score"] == pytest.approx(75.0)
    assert goal_1["trend"] is not None
    path = tmp_path / "scores.csv"
    write_scores_csv(tidy, path)
    assert pl.read_csv(path).height == tidy.height


def write(path, text: str):
    path.write_text(text)
    return path


def test_read_data_csv(tmp_path):
    path = write(tmp_path / "d.csv", "area,indicator,year,value\na,up,2020,1.5\na,down,2020,\n")
    frame = read_data_csv(path)
    assert frame.dtypes == [pl.String, pl.String, pl.Int64, pl.Float64]
    assert frame["value"].to_list() == [1.5, None]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("area,indicator,value\n", "missing columns: year"),
        ("area,indicator,year,value\na,up,2020,x\n", "value is not a number on lines 2"),
        (
            "area,indicator,year,value\na,up,2020,1\na,up,20.5,1\n",
            "year is not an integer on lines 3",
        ),
        (
            "area,indicator,year,value\na,up,2020,1\na,up,2020,2\n",
            "duplicate (area, indicator, year) on lines 2, 3",
        ),
        ("area,indicator,year,value\n,up,2020,1\n", "area is empty on lines 2"),
    ],
)
def test_read_data_csv_errors(tmp_path, text, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_data_csv(write(tmp_path / "d.csv", text))


SPEC_HEADER = (
    "indicator,goal,direction,lower_bound,upper_bound,green_threshold,yellow_threshold,"
    "red_threshold\n"
)


def test_read_spec_csv(tmp_path):
    spec = read_spec_csv(write(tmp_path / "s.csv", SPEC_HEADER + "up,1,higher,,100,80,,40\n"))
    assert spec.row(0) == ("up", 1, "higher", None, 100.0, 80.0, 60.0, 40.0)


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ("up,1,sideways,0,100,80,,40\n", "direction must be 'higher' or 'lower' (lines 2)"),
        ("up,one,higher,0,100,80,,40\n", "goal is not an integer on lines 2"),
        ("up,1,higher,0,abc,80,,40\n", "upper_bound is not a number on lines 2"),
        (
            "up,1,higher,0,100,80,,40\nup,1,higher,0,100,80,,40\n",
            "indicator is duplicated (lines 2, 3)",
        ),
        ("up,1,lower,0,100,80,,40\n", "upper_bound must be better than lower_bound"),
        ("up,1,higher,0,100,,,40\n", "green_threshold is empty (lines 2)"),
    ],
)
def test_read_spec_csv_errors(tmp_path, rows, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_spec_csv(write(tmp_path / "s.csv", SPEC_HEADER + rows))


@given(
    st.lists(st.floats(-1e6, 1e6), min_size=1, max_size=30),
    st.sampled_from(["higher", "lower"]),
)
def test_scores_stay_in_range_and_follow_the_direction(raw, direction):
    bounds = (0.0, 100.0) if direction == "higher" else (100.0, 0.0)
    spec = make_spec(("x", 1, direction, *bounds, 50.0, None, 50.0))
    values = make_values(*[(f"a{n:02d}", "x", v) for n, v in enumerate(sorted(raw))])
    scores = normalise(values, spec).sort("area")["score"]
    assert scores.is_between(0.0, 100.0).all()
    steps = scores.diff().drop_nulls()
    assert (steps >= 0).all() if direction == "higher" else (steps <= 0).all()
