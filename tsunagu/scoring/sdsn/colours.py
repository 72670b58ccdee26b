"""SDG Dashboard colours per indicator and per goal (SDSN 2018 methodology, section 1.5.2)."""

from typing import Literal

import polars as pl

from .scores import Frame, as_lazy, lower_bounds_fill, same_kind
from .spec import Colour, better_sign

# The two-worst rule: a goal is green only if both worst indicators are green, red only if
# both are red; otherwise the mean of their 0–3 ratings decides, split at 1.5 (the yellow /
# orange threshold on the methodology's scale).
YELLOW_CUTOFF = 1.5
# SDSN greys out a goal when fewer than half of its indicators have data.
MIN_GOAL_DATA_SHARE = 0.5
COLOUR_RATING = {Colour.RED: 0.0, Colour.ORANGE: 1.0, Colour.YELLOW: 2.0, Colour.GREEN: 3.0}


def _at_or_better(threshold: str) -> pl.Expr:
    return (pl.col("value") - pl.col(threshold)) * better_sign() >= 0


def _segment(low: str, high: str, base: float) -> pl.Expr:
    """Linear position of the value between two spec columns, mapped onto [base, base + 1]."""
    return base + (pl.col("value") - pl.col(low)) / (pl.col(high) - pl.col(low))


def goal_sizes(spec: pl.DataFrame, applicable: pl.DataFrame | None) -> pl.LazyFrame:
    """Number of indicators per goal (``size``), per area too when ``applicable`` is given."""
    if applicable is None:
        return spec.lazy().group_by("goal").agg(size=pl.len())
    return (
        applicable.lazy()
        .join(spec.lazy().select("indicator", "goal"), on="indicator")
        .group_by("area", "goal")
        .agg(size=pl.len())
    )


def indicator_colours(values: Frame, spec: pl.DataFrame) -> Frame:
    """Add ``colour`` and ``rating`` (the methodology's continuous 0–3 scale) to each value.

    Boundaries follow Annex 4 of the methodology: a value exactly at a threshold takes the
    better colour (at the green threshold: green; at the yellow one: yellow; at the red one:
    orange). ``rating`` is 0 at the lower bound, 1 at the red threshold, 2 at the green
    threshold and 3 at the upper bound, linear in between and censored to [0, 3].
    """
    spec = lower_bounds_fill(values, spec)
    colour = (
        pl.when(pl.col("value").is_null())
        .then(None)
        .when(_at_or_better("green_threshold"))
        .then(pl.lit(Colour.GREEN))
        .when(_at_or_better("yellow_threshold"))
        .then(pl.lit(Colour.YELLOW))
        .when(_at_or_better("red_threshold"))
        .then(pl.lit(Colour.ORANGE))
        .otherwise(pl.lit(Colour.RED))
    )
    rating = (
        pl.when(_at_or_better("green_threshold"))
        .then(_segment("green_threshold", "upper_bound", 2.0))
        .when(_at_or_better("red_threshold"))
        .then(_segment("red_threshold", "green_threshold", 1.0))
        .otherwise(_segment("lower_bound", "red_threshold", 0.0))
    )
    thresholds = spec.lazy().select(
        "indicator",
        "direction",
        "lower_bound",
        "upper_bound",
        "green_threshold",
        "yellow_threshold",
        "red_threshold",
    )
    result = (
        as_lazy(values)
        .join(thresholds, on="indicator")
        .with_columns(colour=colour, rating=rating.fill_nan(None).clip(0.0, 3.0))
        .drop(thresholds.collect_schema().names()[1:])
    )
    return same_kind(values, result)


def goal_colours(
    colours: Frame,
    spec: pl.DataFrame,
    method: Literal["continuous", "discrete"] = "continuous",
    applicable: pl.DataFrame | None = None,
) -> Frame:
    """Goal colour per area from its indicator colours, by the SDSN two-worst rule.

    ``continuous`` averages the two worst ``rating`` values (the methodology);
    ``discrete`` averages the colours mapped to red 0, orange 1, yellow 2, green 3.
    Either way: both worst green → green, both red → red, else mean ≥ 1.5 → yellow, else
    orange. One indicator with data → its own colour. Fewer than half of the goal's
    indicators with data → grey. The goal's indicators are all those in the spec, or, given
    ``applicable`` (area, indicator pairs), those that apply to the area — the SDSN uses some
    indicators for OECD members only and alternatives for high-income countries.
    """
    if method == "continuous":
        rating = pl.col("rating")
    else:
        rating = pl.col("colour").replace_strict(COLOUR_RATING, return_dtype=pl.Float64)
    rated = as_lazy(colours)
    grid = rated.select("area").unique().join(spec.lazy().select("goal").unique(), how="cross")
    result = (
        rated.filter(pl.col("colour").is_not_null())
        .join(spec.lazy().select("indicator", "goal"), on="indicator")
        .with_columns(key=rating)
        .group_by("area", "goal")
        .agg(
            n=pl.len(),
            mean_two=pl.col("key").sort().head(2).mean(),
            all_green=(pl.col("colour").sort_by("key").head(2) == Colour.GREEN).all(),
            all_red=(pl.col("colour").sort_by("key").head(2) == Colour.RED).all(),
            only=pl.col("colour").first(),
        )
        .join(
            goal_sizes(spec, applicable), on=["area", "goal"] if applicable is not None else "goal"
        )
        .select(
            "area",
            "goal",
            colour=pl.when(pl.col("n") < MIN_GOAL_DATA_SHARE * pl.col("size"))
            .then(pl.lit(Colour.GREY))
            .when(pl.col("n") == 1)
            .then(pl.col("only"))
            .when(pl.col("all_green"))
            .then(pl.lit(Colour.GREEN))
            .when(pl.col("all_red"))
            .then(pl.lit(Colour.RED))
            .when(pl.col("mean_two") >= YELLOW_CUTOFF)
            .then(pl.lit(Colour.YELLOW))
            .otherwise(pl.lit(Colour.ORANGE)),
        )
    )
    result = grid.join(result, on=["area", "goal"], how="left").with_columns(
        pl.col("colour").fill_null(pl.lit(Colour.GREY))
    )
    return same_kind(colours, result)
