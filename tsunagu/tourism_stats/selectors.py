"""Reads: monthly tables, breakdowns, the indicator values fed from here, and crowding."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Sum

from tsunagu.core.area_codes import normalize_area_code
from tsunagu.core.models import Area
from tsunagu.indicators.models import IndicatorValue
from tsunagu.tourism_stats.feed import census_population
from tsunagu.tourism_stats.models import CrowdingThreshold, Measure, MonthlyFigure

INDICATOR_CODES = ["TS-FOREIGN-SHARE", "TS-SEASONALITY", "TS-STAYS-PER-RES", "TS-CERTIFIED-SHARE"]
MONTHLY_MEASURES = [
    Measure.VISITORS,
    Measure.STAYS_JAPANESE,
    Measure.STAYS_FOREIGN,
    Measure.ROOMS,
    Measure.BEDS,
    Measure.OCCUPANCY_RATE,
    Measure.RESIDENTS,
]


def areas_with_figures() -> list[Area]:
    return list(Area.objects.filter(visitor_figures__isnull=False).distinct().order_by("code"))


def default_area() -> Area | None:
    city = Area.objects.filter(code=normalize_area_code(settings.TSUNAGU_CITY_CODE)).first()
    if city is not None and city.visitor_figures.exists():
        return city
    areas = areas_with_figures()
    return areas[0] if areas else city


@dataclass
class MonthRow:
    year: int
    month: int
    values: dict[str, float | None] = field(default_factory=dict)
    is_demo: bool = False


def monthly_rows(area: Area, year: int | None = None) -> list[MonthRow]:
    figures = MonthlyFigure.objects.filter(area=area, category="")
    if year is not None:
        figures = figures.filter(year=year)
    rows: dict[tuple[int, int], MonthRow] = {}
    for y, m, measure, value, demo in figures.values_list(
        "year", "month", "measure", "value", "is_demo"
    ):
        row = rows.setdefault((y, m), MonthRow(y, m, dict.fromkeys(MONTHLY_MEASURES)))
        row.values[measure] = value
        row.is_demo = row.is_demo or demo
    return [rows[key] for key in sorted(rows)]


def years_of(area: Area) -> list[int]:
    return sorted(MonthlyFigure.objects.filter(area=area).values_list("year", flat=True).distinct())


def breakdown(area: Area, year: int, measure: str) -> list[tuple[str, float]]:
    """Yearly totals per category (country/region or attraction), largest first."""
    return [
        (row["category"], row["total"])
        for row in MonthlyFigure.objects.filter(area=area, year=year, measure=measure)
        .values("category")
        .annotate(total=Sum("value"))
        .order_by("-total", "category")
    ]


def indicator_values(area: Area) -> list[tuple[int, list[float | None]]]:
    """(year, values in INDICATOR_CODES order), as the indicators module computed them."""
    result: dict[int, dict[str, float]] = defaultdict(dict)
    for code, year, value in IndicatorValue.objects.filter(
        area=area, indicator__code__in=INDICATOR_CODES
    ).values_list("indicator__code", "year", "value"):
        result[year][code] = value
    return [
        (year, [values.get(code) for code in INDICATOR_CODES])
        for year, values in sorted(result.items())
    ]


def has_demo_figures(area: Area) -> bool:
    return MonthlyFigure.objects.filter(area=area, is_demo=True).exists()


@dataclass
class CrowdingCell:
    year: int
    month: int
    visitors: float
    residents: float
    per_resident: float
    level: str  # "", "warning" or "critical"


@dataclass
class Crowding:
    area: Area
    threshold: CrowdingThreshold | None
    cells: list[CrowdingCell]

    @property
    def years(self) -> list[int]:
        return sorted({c.year for c in self.cells})

    @property
    def over(self) -> list[CrowdingCell]:
        return [c for c in self.cells if c.level]

    def grid(self) -> list[tuple[int, list[CrowdingCell | None]]]:
        by_key = {(c.year, c.month): c for c in self.cells}
        return [(y, [by_key.get((y, m)) for m in range(1, 13)]) for y in self.years]


def _level(value: float, threshold: CrowdingThreshold | None) -> str:
    if threshold is None:
        return ""
    if value >= threshold.critical:
        return "critical"
    if value >= threshold.warning:
        return "warning"
    return ""


def crowding(area: Area) -> Crowding:
    """Visitors per resident for every month with a visitor figure and a known population:
    the month's residents figure, else the census population, else that year's mean."""
    threshold = CrowdingThreshold.objects.filter(area=area).first()
    figures = MonthlyFigure.objects.filter(
        area=area, category="", measure__in=[Measure.VISITORS, Measure.RESIDENTS]
    ).values_list("year", "month", "measure", "value")
    visitors: dict[tuple[int, int], float] = {}
    residents: dict[tuple[int, int], float] = {}
    for year, month, measure, value in figures:
        (visitors if measure == Measure.VISITORS else residents)[(year, month)] = value
    census: dict[int, float | None] = {}
    cells = []
    for (year, month), count in sorted(visitors.items()):
        population = residents.get((year, month))
        if population is None:
            if year not in census:
                same_year = [v for (y, _m), v in residents.items() if y == year]
                census[year] = census_population(area, year) or (
                    sum(same_year) / len(same_year) if same_year else None
                )
            population = census[year]
        if not population:
            continue
        per_resident = count / population
        cells.append(
            CrowdingCell(
                year, month, count, population, per_resident, _level(per_resident, threshold)
            )
        )
    return Crowding(area=area, threshold=threshold, cells=cells)


@dataclass
class AreaCrowdingSummary:
    area: Area
    year: int
    peak: CrowdingCell
    warning_months: int
    critical_months: int


def crowding_by_area() -> list[AreaCrowdingSummary]:
    """For every area with figures: its latest year's busiest month and months over levels."""
    summaries = []
    for area in areas_with_figures():
        result = crowding(area)
        if not result.cells:
            continue
        year = result.years[-1]
        cells = [c for c in result.cells if c.year == year]
        summaries.append(
            AreaCrowdingSummary(
                area=area,
                year=year,
                peak=max(cells, key=lambda c: c.per_resident),
                warning_months=sum(c.level == "warning" for c in cells),
                critical_months=sum(c.level == "critical" for c in cells),
            )
        )
    return summaries
