"""SDG Trend Dashboard: indicator and goal trend arrows (SDSN 2018 methodology, section 1.5.3).

The observed pace is the linear annual change between the first and the last year with data
in the window (the SDSN compares the latest value with the one around 2010–2015). The pace
needed is the linear annual change that takes the first value to the green threshold by the
target year. Both are measured in raw units; normalisation is linear, so their ratio equals
the ratio in normalised points that the methodology uses.
"""

import polars as pl

from .scores import Frame, as_lazy, same_kind
from .spec import Trend, better_sign

# Share of the needed pace that earns each arrow.
ON_TRACK_SHARE = 1.0
MODERATE_SHARE = 0.5
# SDSN reports a goal trend only when at least 75% of its indicators have a trend.
MIN_GOAL_TREND_SHARE = 0.75
# Arrows on a 0–4 scale; a goal takes the arrow nearest the mean of its indicators' arrows,
# a mean exactly halfway going to the better arrow.
TREND_RATING = {
    Trend.DECREASING: 0,
    Trend.STAGNATING: 1,
    Trend.MODERATELY_IMPROVING: 2,
    Trend.ON_TRACK: 3,
    Trend.MAINTAINING: 4,
}


def indicator_trends(
    series: Frame,
    spec: pl.DataFrame,
    target_year: int = 2030,
    start_year: int | None = None,
    end_year: int | None = None,
) -> Frame:
    """Trend arrow per area and indicator from a time series (area, indicator, year, value).

    - maintaining: first and last values at or better than the green threshold;
    - on_track: the last value reached green, or the pace is ≥ 100% of the pace needed;
    - moderately_improving: ≥ 50%; stagnating: 0 to 50%; decreasing: moving away from green.
    Fewer than two years with data in the window, or a first year at or after the target
    year, gives no trend (null).
    """
    window = pl.lit(True)
    if start_year is not None:
        window &= pl.col("year") >= start_year
    if end_year is not None:
        window &= pl.col("year") <= end_year
    sign = better_sign()
    ends = (
        as_lazy(series)
        .filter(window & pl.col("value").is_not_null())
        .group_by("area", "indicator")
        .agg(
            first_year=pl.col("year").min(),
            last_year=pl.col("year").max(),
            first_value=pl.col("value").sort_by("year").first(),
            last_value=pl.col("value").sort_by("year").last(),
        )
        .join(spec.lazy().select("indicator", "direction", "green_threshold"), on="indicator")
    )
    observed = (pl.col("last_value") - pl.col("first_value")) / (
        pl.col("last_year") - pl.col("first_year")
    )
    needed = (pl.col("green_threshold") - pl.col("first_value")) / (
        target_year - pl.col("first_year")
    )
    first_green = (pl.col("first_value") - pl.col("green_threshold")) * sign >= 0
    last_green = (pl.col("last_value") - pl.col("green_threshold")) * sign >= 0
    share = observed / needed
    trend = (
        pl.when(
            (pl.col("last_year") == pl.col("first_year")) | (pl.col("first_year") >= target_year)
        )
        .then(None)
        .when(first_green & last_green)
        .then(pl.lit(Trend.MAINTAINING))
        .when(last_green)
        .then(pl.lit(Trend.ON_TRACK))
        .when(observed * sign < 0)
        .then(pl.lit(Trend.DECREASING))
        .when(share >= ON_TRACK_SHARE)
        .then(pl.lit(Trend.ON_TRACK))
        .when(share >= MODERATE_SHARE)
        .then(pl.lit(Trend.MODERATELY_IMPROVING))
        .otherwise(pl.lit(Trend.STAGNATING))
    )
    result = ends.with_columns(observed_rate=observed, needed_rate=needed, trend=trend).drop(
        "direction", "green_threshold"
    )
    return same_kind(series, result)


def goal_trends(trends: Frame, spec: pl.DataFrame) -> Frame:
    """Goal trend per area: the arrow nearest the mean indicator arrow (see TREND_RATING).

    Null when fewer than 75% of the goal's indicators (in the spec) have a trend.
    """
    names = list(TREND_RATING)
    goal_sizes = spec.group_by("goal").agg(size=pl.len())
    result = (
        as_lazy(trends)
        .filter(pl.col("trend").is_not_null())
        .join(spec.lazy().select("indicator", "goal"), on="indicator")
        .group_by("area", "goal")
        .agg(
            n=pl.len(),
            mean_rating=pl.col("trend")
            .replace_strict(TREND_RATING, return_dtype=pl.Float64)
            .mean(),
        )
        .join(goal_sizes.lazy(), on="goal")
        .select(
            "area",
            "goal",
            trend=pl.when(pl.col("n") >= MIN_GOAL_TREND_SHARE * pl.col("size")).then(
                (pl.col("mean_rating") + 0.5)
                .floor()
                .cast(pl.Int64)
                .replace_strict(dict(enumerate(names)), return_dtype=pl.String)
            ),
        )
    )
    return same_kind(trends, result)
