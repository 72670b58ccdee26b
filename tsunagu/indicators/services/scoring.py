"""Scores are computed after imports (in Celery when a broker is configured), then stored.

Statistics are published on different cycles, so the snapshot scored is each area's most
recent value of each indicator; trends use every year of the indicator's history.
"""

import polars as pl
from django.conf import settings
from django.db import transaction

from tsunagu.core.models import Area
from tsunagu.core.tasks import enqueue
from tsunagu.indicators.caching import scores_version_bump
from tsunagu.indicators.models import CompositeIndicator, Indicator, Score
from tsunagu.indicators.services.bulk import query_frame, rows_insert
from tsunagu.scoring.progress import ProgressOptions, series_progress
from tsunagu.scoring.sdsn import goal_trends, indicator_trends, sdsn_pipeline
from tsunagu.scoring.sdsn.colours import COLOUR_RATING

# Population classes for "municipalities of similar size" (residents, census).
POPULATION_CLASSES = [
    (1_000_000, "1m+"),
    (300_000, "300k-1m"),
    (100_000, "100k-300k"),
    (50_000, "50k-100k"),
    (10_000, "10k-50k"),
    (0, "<10k"),
]
LEVEL_COLOUR = ["red", "orange", "yellow", "green"]


def scores_refresh_later() -> None:
    from tsunagu.indicators.tasks import indicator_scores_refresh

    enqueue(indicator_scores_refresh)


def indicator_spec() -> pl.DataFrame:
    rows = Indicator.objects.values_list(
        "code",
        "goal_id",
        "direction",
        "lower_bound",
        "upper_bound",
        "green_threshold",
        "yellow_threshold",
        "red_threshold",
    )
    return pl.DataFrame(
        list(rows),
        orient="row",
        schema={
            "indicator": pl.String,
            "goal": pl.Int64,
            "direction": pl.String,
            "lower_bound": pl.Float64,
            "upper_bound": pl.Float64,
            "green_threshold": pl.Float64,
            "yellow_threshold": pl.Float64,
            "red_threshold": pl.Float64,
        },
    )


def indicator_values_frame() -> pl.DataFrame:
    return query_frame(
        "SELECT a.code, i.code, v.year, v.value FROM indicators_indicatorvalue v "
        "JOIN indicators_indicator i ON i.id = v.indicator_id "
        "JOIN core_area a ON a.id = v.area_id",
        schema={
            "area": pl.String,
            "indicator": pl.String,
            "year": pl.Int64,
            "value": pl.Float64,
        },
    )


def area_groups() -> pl.DataFrame:
    """Prefecture and population class of every municipality (population = statistic A1101)."""
    population = query_frame(
        "SELECT a.code, o.year, o.value FROM indicators_observation o "
        "JOIN indicators_statistic s ON s.id = o.statistic_id "
        "JOIN core_area a ON a.id = o.area_id "
        "WHERE s.code = 'A1101' AND o.disaggregation = ''",
        schema={"area": pl.String, "year": pl.Int64, "population": pl.Float64},
    )
    latest = population.sort("year").group_by("area").last()
    population_class = pl.lit(POPULATION_CLASSES[-1][1])
    for floor, label in reversed(POPULATION_CLASSES[:-1]):
        population_class = (
            pl.when(pl.col("population") >= floor).then(pl.lit(label)).otherwise(population_class)
        )
    return latest.select(
        "area", prefecture=pl.col("area").str.slice(0, 2), population_class=population_class
    )


def _composite_rows(indicators: pl.DataFrame) -> list[tuple]:
    """(area, "composite", code, value, score, colour, trend): the mean of the components'
    scores, rated on SDSN's 0–3 colour scale (the mean of the components' ratings)."""
    rows = []
    for composite in CompositeIndicator.objects.prefetch_related("components"):
        codes = [c.code for c in composite.components.all()]
        part = indicators.filter(pl.col("indicator").is_in(codes)).with_columns(
            level=pl.col("colour").replace_strict(
                COLOUR_RATING, default=None, return_dtype=pl.Float64
            )
        )
        summary = part.group_by("area").agg(
            score=pl.col("score").mean(), level=pl.col("level").mean()
        )
        for area, score, level in summary.iter_rows():
            colour = LEVEL_COLOUR[min(3, int(level + 0.5))] if level is not None else "grey"
            rows.append((area, "composite", composite.code, None, score, colour, ""))
    return rows


def _target_progress_rows(history: pl.DataFrame) -> list[tuple]:
    """Progress of the city towards its local 2030 targets (Open SDG progress measure).

    Progress is measured from 2015 (Open SDG's default base, or the first later year with
    data): a target's own base year is when it was set, often the latest year, which would
    leave nothing to measure until new statistics arrive.
    """
    city = history.filter(pl.col("area") == settings.TSUNAGU_CITY_CODE)
    rows = []
    for indicator in Indicator.objects.filter(target_value__isnull=False):
        series = city.filter(pl.col("indicator") == indicator.code).sort("year")
        options = ProgressOptions(
            base_year=2015,
            target=indicator.target_value,
            target_year=indicator.target_year or 2030,
            positive=indicator.direction == "higher",
        )
        progress = series_progress(series["year"].to_list(), series["value"].to_list(), options)
        rows.append(
            (
                settings.TSUNAGU_CITY_CODE,
                "progress",
                indicator.code,
                progress.current_value,
                progress.score,
                "",
                str(progress.status),
            )
        )
    return rows


@transaction.atomic
def scores_refresh(*, min_coverage: float = 0.8) -> int:
    """Score the latest value of every indicator for every municipality and store the result."""
    history = indicator_values_frame()
    Score.objects.all().delete()
    if history.is_empty():
        return 0
    spec = indicator_spec()
    year = int(history["year"].max())
    latest = (
        history.sort("year")
        .group_by("area", "indicator")
        .last()
        .with_columns(year=pl.lit(year, pl.Int64))
    )
    groups = area_groups()
    result = sdsn_pipeline(
        latest,
        spec,
        year=year,
        min_coverage=min_coverage,
        groups=groups,
        rank_within=("prefecture", "population_class"),
    )
    trends = indicator_trends(history.lazy(), spec, end_year=year).collect()
    goal_trend = goal_trends(trends.lazy(), spec).collect()
    indicators = result.indicators.drop("trend").join(
        trends.select("area", "indicator", "trend"), on=["area", "indicator"], how="left"
    )
    goals = result.goals.drop("trend").join(
        goal_trend.select("area", "goal", "trend"), on=["area", "goal"], how="left"
    )

    columns = {
        "area": pl.String,
        "kind": pl.String,
        "code": pl.String,
        "value": pl.Float64,
        "score": pl.Float64,
        "colour": pl.String,
        "trend": pl.String,
        "rank": pl.Int64,
        "rank_in_prefecture": pl.Int64,
        "rank_in_population_class": pl.Int64,
    }
    extra = pl.DataFrame(
        _composite_rows(indicators) + _target_progress_rows(history),
        schema={
            name: columns[name]
            for name in ("area", "kind", "code", "value", "score", "colour", "trend")
        },
        orient="row",
    )
    scores = pl.concat(
        [
            indicators.select(
                "area",
                "value",
                "score",
                "colour",
                "trend",
                kind=pl.lit("indicator"),
                code="indicator",
            ),
            goals.select(
                "area",
                "score",
                "colour",
                "trend",
                kind=pl.lit("goal"),
                code=pl.col("goal").cast(pl.String),
            ),
            result.index.select(
                "area",
                "score",
                "rank",
                kind=pl.lit("index"),
                code=pl.lit("index"),
                rank_in_prefecture="rank_prefecture",
                rank_in_population_class="rank_population_class",
            ),
            extra,
        ],
        how="diagonal_relaxed",
    ).select(pl.col(name).cast(dtype) for name, dtype in columns.items())
    area_ids = dict(Area.objects.values_list("code", "id"))
    scores = scores.filter(pl.col("area").is_in(list(area_ids))).with_columns(
        area_id=pl.col("area").replace_strict(area_ids, return_dtype=pl.Int64),
        year=pl.lit(year, pl.Int64),
        colour=pl.col("colour").fill_null(""),
        trend=pl.col("trend").fill_null(""),
    )
    transaction.on_commit(scores_version_bump)
    names = ["area_id", "year", *list(columns)[1:]]
    rows_insert("indicators_score", names, scores.select(names).iter_rows())
    return scores.height
