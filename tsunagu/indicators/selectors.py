"""Reads for indicator pages and the API; every figure comes from stored values and scores."""

from dataclasses import dataclass

from django.db.models import Max, QuerySet

from tsunagu.core.models import Area, Goal
from tsunagu.indicators.models import (
    Indicator,
    IndicatorValue,
    Observation,
    Score,
    ScoreKind,
    Statistic,
)


def scores_year() -> int | None:
    """The year of the latest stored scores."""
    return Score.objects.aggregate(year=Max("year"))["year"]


def indicator_list() -> QuerySet[Indicator]:
    return Indicator.objects.select_related("goal")


def statistic_list() -> QuerySet[Statistic]:
    return Statistic.objects.all()


def observation_list(
    *, statistic: str | None = None, area: str | None = None, year: int | None = None
) -> QuerySet[Observation]:
    observations = Observation.objects.select_related("statistic", "area").order_by(
        "statistic__code", "area__code", "year"
    )
    if statistic:
        observations = observations.filter(statistic__code=statistic)
    if area:
        observations = observations.filter(area__code=area)
    if year:
        observations = observations.filter(year=year)
    return observations


@dataclass
class GoalResult:
    goal: Goal
    score: float | None
    colour: str
    trend: str


@dataclass
class AreaScores:
    area: Area
    year: int
    index: Score | None
    goals: list[GoalResult]
    indicators: dict[str, Score]


def area_scores(*, area: Area, year: int | None = None) -> AreaScores | None:
    year = year or scores_year()
    if year is None:
        return None
    rows = list(Score.objects.filter(area=area, year=year))
    by_kind: dict[str, dict[str, Score]] = {}
    for row in rows:
        by_kind.setdefault(row.kind, {})[row.code] = row
    goal_rows = by_kind.get(ScoreKind.GOAL, {})
    goals = [
        GoalResult(
            goal=goal,
            score=getattr(goal_rows.get(str(goal.number)), "score", None),
            colour=getattr(goal_rows.get(str(goal.number)), "colour", "") or "grey",
            trend=getattr(goal_rows.get(str(goal.number)), "trend", ""),
        )
        for goal in Goal.objects.all()
    ]
    return AreaScores(
        area=area,
        year=year,
        index=by_kind.get(ScoreKind.INDEX, {}).get("index"),
        goals=goals,
        indicators=by_kind.get(ScoreKind.INDICATOR, {}),
    )


def index_median(*, year: int, prefecture_code: str | None = None) -> float | None:
    scores = Score.objects.filter(year=year, kind=ScoreKind.INDEX, score__isnull=False)
    if prefecture_code:
        scores = scores.filter(area__parent__code=prefecture_code)
    values = sorted(scores.values_list("score", flat=True))
    if not values:
        return None
    middle = len(values) // 2
    return values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2


def indicator_series_by_code(
    *, indicators: list[Indicator], area: Area
) -> dict[str, list[list[float]]]:
    """[[year, value], …] of each indicator for one area, in one query (for sparklines)."""
    series: dict[str, list[list[float]]] = {i.code: [] for i in indicators}
    values = IndicatorValue.objects.filter(indicator__in=indicators, area=area).order_by("year")
    for code, year, value in values.values_list("indicator__code", "year", "value"):
        series[code].append([year, round(value, 3)])
    return series


def indicator_series(*, indicator: Indicator, area: Area) -> QuerySet[IndicatorValue]:
    return IndicatorValue.objects.filter(indicator=indicator, area=area).order_by("year")


def similar_population_peers(*, area: Area, count: int = 6) -> list[Area]:
    """Municipalities whose latest census population (A1101) is closest to the area's."""
    latest_year = Observation.objects.filter(statistic__code="A1101").aggregate(y=Max("year"))["y"]
    if latest_year is None:
        return []
    populations = dict(
        Observation.objects.filter(
            statistic__code="A1101", year=latest_year, disaggregation=""
        ).values_list("area_id", "value")
    )
    own = populations.get(area.pk)
    if own is None:
        return []
    closest = sorted(
        (abs(value - own), area_id) for area_id, value in populations.items() if area_id != area.pk
    )[:count]
    by_id = Area.objects.in_bulk([area_id for _, area_id in closest])
    return [by_id[area_id] for _, area_id in closest]


def comparison(*, areas: list[Area], year: int) -> dict[int, dict[str, Score]]:
    """area id -> {"index" | goal number: Score} for the compare page."""
    table: dict[int, dict[str, Score]] = {a.pk: {} for a in areas}
    for score in Score.objects.filter(
        area__in=areas, year=year, kind__in=[ScoreKind.INDEX, ScoreKind.GOAL]
    ):
        table[score.area_id][score.code] = score
    return table
