"""Feeding tourism indicators to the indicators module, as biodiversity_index.feed does.

Annual figures per area go in as statistics observations through the indicators module's own
import service; its refresh computes the indicators (tourism_indicators.yaml) and scores.
Only complete years count: a year feeds a statistic when all 12 months of its inputs are in.

- TS_STAYS_TOTAL, TS_STAYS_FOREIGN: overnight stays in the year (Japanese + foreign; foreign).
- TS_VISITORS: visitors in the year.
- TS_SEASONALITY: seasonality index = visitors in the busiest month / mean monthly visitors
  (1 = no seasonality, 12 = every visitor in one month).
- TS_RESIDENTS: residents — the indicators module's census population (A1101, the latest
  year up to the year, else its earliest year) when it has one for the area; otherwise the
  mean of the `residents` figures stored here for that year.
- TS_CERTIFIED_SHARE: certified operators' share (%), from the provider registered with
  `certified_operators_share_provider_set` (the accreditation module registers
  tsunagu.tourism.indicators_feed); none by default.
"""

import statistics
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path

import polars as pl
from django.db import transaction
from django.db.models import Max

from tsunagu.core.models import Area
from tsunagu.indicators.importers.base import TIDY_SCHEMA, StatisticMeta, TidyImport
from tsunagu.indicators.models import Observation
from tsunagu.indicators.services.indicator_set import indicator_set_load
from tsunagu.indicators.services.observations import ImportSummary, observations_import
from tsunagu.indicators.services.scoring import scores_refresh_later
from tsunagu.tourism_stats.models import Measure, MonthlyFigure

INDICATOR_SET = Path(__file__).resolve().parent / "tourism_indicators.yaml"
POPULATION_STATISTIC = "A1101"
STATISTICS = [
    StatisticMeta("TS_STAYS_TOTAL", "延べ宿泊者数（年計）", "Overnight stays (year)", "人泊"),
    StatisticMeta(
        "TS_STAYS_FOREIGN", "外国人延べ宿泊者数（年計）", "Foreign overnight stays (year)", "人泊"
    ),
    StatisticMeta("TS_VISITORS", "観光入込客数（年計）", "Visitors (year)", "人"),
    StatisticMeta(
        "TS_SEASONALITY",
        "季節変動指数（最多月÷月平均）",
        "Seasonality index (busiest month / monthly mean)",
        "倍",
    ),
    StatisticMeta("TS_RESIDENTS", "住民数", "Residents", "人"),
    StatisticMeta(
        "TS_CERTIFIED_SHARE",
        "SDGsツーリズム認証事業者の割合",
        "Share of certified SDG-tourism operators",
        "%",
    ),
]

# (area, year) -> percentage of certified operators, or None when unknown.
CertifiedShareProvider = Callable[[Area, int], float | None]
_certified_share_provider: CertifiedShareProvider | None = None


def certified_operators_share_provider_set(provider: CertifiedShareProvider | None) -> None:
    """The hook for the accreditation module: register how to compute the certified
    operators' share of an area in a year (call it from that app's AppConfig.ready)."""
    global _certified_share_provider
    _certified_share_provider = provider


def tourism_indicators_ensure() -> int:
    return indicator_set_load(INDICATOR_SET)


def _complete_monthly(area: Area, measure: str) -> dict[int, list[float]]:
    """Monthly values per year for the years that have all 12 months of the measure."""
    by_year: dict[int, dict[int, float]] = defaultdict(dict)
    for year, month, value in MonthlyFigure.objects.filter(
        area=area, measure=measure, category=""
    ).values_list("year", "month", "value"):
        by_year[year][month] = value
    return {
        year: [months[m] for m in range(1, 13)]
        for year, months in by_year.items()
        if len(months) == 12
    }


def census_population(area: Area, year: int) -> float | None:
    observations = Observation.objects.filter(
        area=area, statistic__code=POPULATION_STATISTIC, disaggregation=""
    )
    latest = observations.filter(year__lte=year).order_by("-year").first()
    chosen = latest or observations.order_by("year").first()
    return chosen.value if chosen else None


def _residents(area: Area, year: int) -> float | None:
    census = census_population(area, year)
    if census is not None:
        return census
    values = list(
        MonthlyFigure.objects.filter(area=area, year=year, measure=Measure.RESIDENTS).values_list(
            "value", flat=True
        )
    )
    return statistics.fmean(values) if values else None


def annual_figures(area: Area) -> list[tuple[str, int, float]]:
    """(statistic, year, value) for every complete year of the area."""
    rows: list[tuple[str, int, float]] = []
    japanese = _complete_monthly(area, Measure.STAYS_JAPANESE)
    foreign = _complete_monthly(area, Measure.STAYS_FOREIGN)
    visitors = _complete_monthly(area, Measure.VISITORS)
    for year in sorted(set(japanese) & set(foreign)):
        rows.append(("TS_STAYS_TOTAL", year, sum(japanese[year]) + sum(foreign[year])))
        rows.append(("TS_STAYS_FOREIGN", year, float(sum(foreign[year]))))
    for year, months in sorted(visitors.items()):
        rows.append(("TS_VISITORS", year, float(sum(months))))
        mean = statistics.fmean(months)
        if mean > 0:
            rows.append(("TS_SEASONALITY", year, round(max(months) / mean, 4)))
    statistics_years = set(japanese) | set(visitors)
    for year in sorted(statistics_years):
        residents = _residents(area, year)
        if residents:
            rows.append(("TS_RESIDENTS", year, float(residents)))
    if _certified_share_provider is not None:
        # Complete years only, like the other figures: a current-year value would make the
        # indicators module score every municipality as of a year that has not ended.
        for year in sorted(statistics_years):
            share = _certified_share_provider(area, year)
            if share is not None:
                rows.append(("TS_CERTIFIED_SHARE", year, float(share)))
    return rows


def _next_rank() -> int:
    """Every publication is a newer edition than the last, so it replaces earlier figures."""
    latest = Observation.objects.filter(statistic__code__in=[s.code for s in STATISTICS]).aggregate(
        rank=Max("edition_rank")
    )["rank"]
    return (latest or 0) + 1


@transaction.atomic
def tourism_indicators_publish(*, areas: Iterable[Area], user=None) -> ImportSummary | None:
    """Push the annual figures of the areas; None when no area has a complete year."""
    tourism_indicators_ensure()
    data = [
        (area.code, statistic, year, value)
        for area in areas
        for statistic, year, value in annual_figures(area)
    ]
    if not data:
        return None
    frame = pl.DataFrame(
        [
            (line, statistic, code, year, "", "", value)
            for line, (code, statistic, year, value) in enumerate(data, start=1)
        ],
        schema=TIDY_SCHEMA,
        orient="row",
    )
    rank = _next_rank()
    tidy = TidyImport(
        importer="tourism_stats",
        file_name="tourism-statistics",
        edition=f"tourism statistics r{rank}",
        edition_rank=rank,
        source_dataset="Visitor statistics",
        credit_ja="観光統計（本プラットフォームに取り込まれた月次統計の年計）",
        credit_en="Visitor statistics (annual totals of the monthly figures on this platform)",
        frame=frame,
        statistics=STATISTICS,
    )
    summary = observations_import(tidy, user=user)
    transaction.on_commit(scores_refresh_later)
    return summary
