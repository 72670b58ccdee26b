"""Scores: bounds, normalisation to 0–100, goal and index means, coverage and ranks.

Functions take and return tidy frames; a LazyFrame in gives a LazyFrame out, so the pipeline
can hand polars one query plan.
"""

from collections.abc import Sequence
from typing import TypeVar

import polars as pl

from .spec import Direction

Frame = TypeVar("Frame", pl.DataFrame, pl.LazyFrame)

# The SDSN censors the worst 2.5% of the distribution (OECD/JRC handbook).
WORST_PERCENTILE = 0.025


def as_lazy(frame: pl.DataFrame | pl.LazyFrame) -> pl.LazyFrame:
    return frame.lazy() if isinstance(frame, pl.DataFrame) else frame


def same_kind(template: Frame, result: pl.LazyFrame) -> Frame:
    return result.collect() if isinstance(template, pl.DataFrame) else result


def lower_bounds_fill(values: pl.DataFrame | pl.LazyFrame, spec: pl.DataFrame) -> pl.DataFrame:
    """Fill empty lower bounds (the value scoring 0) from the values of the scored year.

    The worst value is the 2.5th percentile when higher is better, and the 97.5th percentile
    when lower is better: "worst" always trims the bad tail, never the good one.
    Percentiles interpolate linearly between the ordered values (numpy's default).
    """
    if spec["lower_bound"].null_count() == 0:
        return spec
    needed = spec.filter(pl.col("lower_bound").is_null()).select("indicator", "direction")
    worst = (
        as_lazy(values)
        .join(needed.lazy(), on="indicator")
        .group_by("indicator")
        .agg(
            pl.when(pl.col("direction").first() == Direction.LOWER)
            .then(pl.col("value").quantile(1 - WORST_PERCENTILE, "linear"))
            .otherwise(pl.col("value").quantile(WORST_PERCENTILE, "linear"))
            .alias("worst")
        )
        .collect()
    )
    return (
        spec.join(worst, on="indicator", how="left")
        .with_columns(pl.col("lower_bound").fill_null(pl.col("worst")))
        .drop("worst")
    )


def normalise(values: Frame, spec: pl.DataFrame) -> Frame:
    """Add ``score``: 0 at the lower bound, 100 at the upper bound, censored to [0, 100].

    One formula serves both directions because the bounds are "worst" and "best" values.
    """
    spec = lower_bounds_fill(values, spec)
    result = as_lazy(values).join(
        spec.lazy().select("indicator", "lower_bound", "upper_bound"), on="indicator"
    )
    share = (pl.col("value") - pl.col("lower_bound")) / (
        pl.col("upper_bound") - pl.col("lower_bound")
    )
    result = result.with_columns(score=(share.clip(0.0, 1.0) * 100.0)).drop(
        "lower_bound", "upper_bound"
    )
    return same_kind(values, result)


def goal_scores(indicator_scores: Frame, spec: pl.DataFrame) -> Frame:
    """Mean indicator score per area and goal (equal weights, missing indicators skipped)."""
    result = (
        as_lazy(indicator_scores)
        .join(spec.lazy().select("indicator", "goal"), on="indicator")
        .group_by("area", "goal")
        .agg(pl.col("score").mean())
        .filter(pl.col("score").is_not_null())
    )
    return same_kind(indicator_scores, result)


def goal_scores_impute(
    goals: Frame, groups: pl.DataFrame, *, by: str, eligible: pl.DataFrame | None = None
) -> Frame:
    """Give an area without any data for a goal the mean goal score of its group.

    This is the SDSN 2018 rule for whole missing goals (mostly SDG 10 and SDG 14): the
    regional average, taken over the areas that are ranked (``eligible``, a frame of areas).
    Adds a boolean ``imputed`` column.
    """
    lazy_goals = as_lazy(goals).with_columns(imputed=pl.lit(False))
    donors = lazy_goals if eligible is None else lazy_goals.join(eligible.lazy(), on="area")
    group_means = (
        donors.join(groups.lazy().select("area", by), on="area")
        .group_by(by, "goal")
        .agg(group_score=pl.col("score").mean())
    )
    grid = (
        groups.lazy()
        .select("area", by)
        .join(lazy_goals.select("area").unique(), on="area", how="semi")
        .join(lazy_goals.select("goal").unique(), how="cross")
    )
    missing = (
        grid.join(lazy_goals, on=["area", "goal"], how="anti")
        .join(group_means, on=[by, "goal"])
        .select("area", "goal", score=pl.col("group_score"), imputed=pl.lit(True))
    )
    result = pl.concat([lazy_goals, missing], how="diagonal_relaxed")
    return same_kind(goals, result)


def indicator_coverage(values: Frame, spec: pl.DataFrame) -> Frame:
    """Share of the spec's indicators that have a value for each area.

    The denominator is the number of indicators in the spec, so an indicator that only
    applies to some areas counts as missing for the others.
    """
    result = (
        as_lazy(values)
        .filter(pl.col("value").is_not_null())
        .join(spec.lazy().select("indicator"), on="indicator", how="semi")
        .group_by("area")
        .agg(coverage=pl.col("indicator").n_unique() / spec.height)
    )
    return same_kind(values, result)


def index_scores(
    goals: Frame, coverage: pl.DataFrame | pl.LazyFrame | None = None, min_coverage: float = 0.8
) -> Frame:
    """Index = mean of the goal scores; ``ranked`` only where coverage ≥ ``min_coverage``.

    Without a coverage frame every area is ranked. An area below the cut-off keeps its index
    score (for its profile) but gets no rank, as in the SDSN report.
    """
    result = as_lazy(goals).group_by("area").agg(score=pl.col("score").mean())
    if coverage is None:
        result = result.with_columns(coverage=pl.lit(None, pl.Float64), ranked=pl.lit(True))
    else:
        result = result.join(as_lazy(coverage), on="area", how="left").with_columns(
            ranked=pl.col("coverage").fill_null(0.0) >= min_coverage
        )
    return same_kind(goals, result)


def ranks(
    index: Frame,
    groups: pl.DataFrame | None = None,
    group_columns: Sequence[str] | None = None,
) -> Frame:
    """Rank ranked areas by score: 1 = best, ties share the lowest rank ("min" method).

    ``rank`` is among all ranked areas; for each column of ``groups`` (area + one column per
    grouping, e.g. prefecture, population class) ``rank_<column>`` ranks within that group.
    """
    rankable = pl.when(pl.col("ranked")).then(pl.col("score"))
    result = as_lazy(index).with_columns(rank=rankable.rank("min", descending=True).cast(pl.Int64))
    if groups is not None:
        columns = list(group_columns or [c for c in groups.columns if c != "area"])
        result = result.join(
            groups.lazy().select("area", *columns), on="area", how="left"
        ).with_columns(
            # An area outside every group (null) gets no group rank.
            pl.when(pl.col(column).is_not_null())
            .then(rankable.rank("min", descending=True).over(column))
            .cast(pl.Int64)
            .alias(f"rank_{column}")
            for column in columns
        )
    return same_kind(index, result)
