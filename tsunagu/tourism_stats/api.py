"""Visitor statistics API: monthly figures and crowding of an area (public reads)."""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from tsunagu.core.api_common import ApiErrorOut
from tsunagu.core.models import Area
from tsunagu.tourism_stats import selectors
from tsunagu.tourism_stats.models import MonthlyFigure

router = Router(tags=["tourism_stats"])


class MonthlyFigureOut(Schema):
    area: str
    year: int
    month: int
    measure: str
    category: str
    value: float
    source: str
    is_demo: bool


class CrowdingMonthOut(Schema):
    year: int
    month: int
    visitors: float
    residents: float
    visitors_per_resident: float
    level: str


class CrowdingOut(Schema):
    area: str
    warning: float | None
    critical: float | None
    months: list[CrowdingMonthOut]


@router.get("/monthly", response={200: list[MonthlyFigureOut], 404: ApiErrorOut})
def monthly_figures(
    request: HttpRequest, area: str, year: int | None = None, measure: str | None = None
):
    """Monthly figures of an area (tidy: one row per measure and category)."""
    place = get_object_or_404(Area, code=area)
    figures = MonthlyFigure.objects.filter(area=place)
    if year is not None:
        figures = figures.filter(year=year)
    if measure:
        figures = figures.filter(measure=measure)
    return [
        {
            "area": place.code,
            "year": f.year,
            "month": f.month,
            "measure": f.measure,
            "category": f.category,
            "value": f.value,
            "source": f.source,
            "is_demo": f.is_demo,
        }
        for f in figures
    ]


@router.get("/crowding", response={200: CrowdingOut, 404: ApiErrorOut})
def crowding(request: HttpRequest, area: str):
    """Visitors per resident by month, with the staff's thresholds and each month's level."""
    result = selectors.crowding(get_object_or_404(Area, code=area))
    return {
        "area": area,
        "warning": result.threshold.warning if result.threshold else None,
        "critical": result.threshold.critical if result.threshold else None,
        "months": [
            {
                "year": c.year,
                "month": c.month,
                "visitors": c.visitors,
                "residents": c.residents,
                "visitors_per_resident": round(c.per_resident, 4),
                "level": c.level,
            }
            for c in result.cells
        ],
    }
