"""The whole SDSN run: bounds → normalise → goals → index → colours → trends → ranks."""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import polars as pl

from .colours import goal_colours, indicator_colours
from .scores import (
    as_lazy,
    goal_scores,
    goal_scores_impute,
    index_scores,
    indicator_coverage,
    lower_bounds_fill,
    normalise,
    ranks,
)
from .spec import spec_validate
from .trends import goal_trends, indicator_trends


@dataclass(frozen=True)
class SdsnResult:
    year: int
    # area, indicator, year, value, score, colour, rating, trend
    indicators: pl.DataFrame
    # area, goal, score, imputed, colour, trend
    goals: pl.DataFrame
    # area, score, coverage, ranked, rank, rank_<group column>...
    index: pl.DataFrame
    # the spec as used: validated, lower bounds and yellow thresholds filled
    spec: pl.DataFrame


def sdsn_pipeline(
    values: pl.DataFrame | pl.LazyFrame,
    spec: pl.DataFrame,
    *,
    year: int | None = None,
    min_coverage: float = 0.8,
    groups: pl.DataFrame | None = None,
    rank_within: Sequence[str] = (),
    impute_within: str | None = None,
    target_year: int = 2030,
    trend_start: int | None = None,
    colour_method: Literal["continuous", "discrete"] = "continuous",
) -> SdsnResult:
    """Score ``values`` (area, indicator, year, value) for ``year`` (default: the latest).

    ``groups`` holds one row per area with grouping columns: ``rank_within`` names those to
    rank within, ``impute_within`` the one whose mean fills a goal an area has no data for
    (the SDSN regional average; off by default). Trends use the years up to ``year``
    (from ``trend_start`` if given).
    """
    spec = spec_validate(spec)
    lazy_values = as_lazy(values).select("area", "indicator", "year", "value")
    if year is None:
        year = lazy_values.select(pl.col("year").max()).collect().item()
    current = lazy_values.filter(pl.col("year") == year)
    spec = lower_bounds_fill(current, spec)

    # The two scans of the data run together; everything after works on small frames.
    coloured, trends = pl.collect_all(
        [
            indicator_colours(normalise(current, spec), spec),
            indicator_trends(
                lazy_values, spec, target_year=target_year, start_year=trend_start, end_year=year
            ),
        ]
    )
    indicators = coloured.join(
        trends.select("area", "indicator", "trend"), on=["area", "indicator"], how="left"
    )

    coverage = indicator_coverage(coloured, spec)
    goals = goal_scores(coloured, spec)
    if impute_within is not None:
        if groups is None:
            raise ValueError("impute_within needs a groups frame")
        eligible = coverage.filter(pl.col("coverage") >= min_coverage).select("area")
        goals = goal_scores_impute(goals, groups, by=impute_within, eligible=eligible)
    else:
        goals = goals.with_columns(imputed=pl.lit(False))
    index = ranks(
        index_scores(goals, coverage, min_coverage),
        groups if rank_within else None,
        group_columns=list(rank_within) or None,
    )
    goals = goals.join(
        goal_colours(coloured, spec, method=colour_method),
        on=["area", "goal"],
        how="full",
        coalesce=True,
    ).join(goal_trends(trends, spec), on=["area", "goal"], how="left")
    return SdsnResult(
        year=year,
        indicators=indicators.sort("area", "indicator"),
        goals=goals.sort("area", "goal"),
        index=index.sort("area"),
        spec=spec,
    )


def scores_tidy(result: SdsnResult) -> pl.DataFrame:
    """One tidy frame: area, year, kind (indicator/goal/index), code, score, colour, trend, rank.

    ``code`` is the indicator code, the goal number as text, or "index"; only index rows have
    a rank.
    """
    columns = ["area", "kind", "code", "score", "colour", "trend", "rank"]
    null_rank = pl.lit(None, pl.Int64).alias("rank")
    indicator_rows = result.indicators.select(
        "area",
        kind=pl.lit("indicator"),
        code=pl.col("indicator"),
        score="score",
        colour="colour",
        trend="trend",
        rank=null_rank,
    )
    goal_rows = result.goals.select(
        "area",
        kind=pl.lit("goal"),
        code=pl.col("goal").cast(pl.String),
        score="score",
        colour="colour",
        trend="trend",
        rank=null_rank,
    )
    index_rows = result.index.select(
        "area",
        kind=pl.lit("index"),
        code=pl.lit("index"),
        score="score",
        colour=pl.lit(None, pl.String),
        trend=pl.lit(None, pl.String),
        rank="rank",
    )
    return (
        pl.concat(
            [frame.select(columns) for frame in (index_rows, goal_rows, indicator_rows)],
            how="vertical_relaxed",
        )
        .select("area", pl.lit(result.year, pl.Int64).alias("year"), *columns[1:])
        .sort("area", maintain_order=True)
    )
