"""Indicator API: statistics, observations, indicators, values and stored scores."""

import csv
import io

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import cache_page
from ninja import Field, Router, Schema
from ninja.decorators import decorate_view
from ninja.pagination import paginate

from tsunagu.core.api_common import Pagination
from tsunagu.core.cache import cached_for_anonymous
from tsunagu.core.models import Area
from tsunagu.core.selectors import area_get
from tsunagu.indicators import selectors
from tsunagu.indicators.apps import CACHE_DOMAIN
from tsunagu.indicators.caching import cached_by_scores
from tsunagu.indicators.models import Indicator, IndicatorValue, Score, ScoreKind

router = Router(tags=["indicators"])


class StatisticOut(Schema):
    code: str
    name_ja: str
    name_en: str | None
    unit: str
    source_dataset: str
    credit: str


class StatisticObservationOut(Schema):
    statistic: str = Field(..., alias="statistic.code")
    area: str = Field(..., alias="area.code")
    year: int
    disaggregation: str
    value: float
    status: str
    edition: str


class IndicatorOut(Schema):
    code: str
    name_ja: str
    name_en: str | None
    goal: int = Field(..., alias="goal_id")
    formula: str
    unit: str
    direction: str
    lower_bound: float | None
    upper_bound: float
    green_threshold: float
    yellow_threshold: float | None
    red_threshold: float
    target_value: float | None
    target_year: int | None
    target_is_demo: bool
    indicator_set: str


class IndicatorValueOut(Schema):
    area: str = Field(..., alias="area.code")
    year: int
    value: float
    input_years: dict


class ScoreOut(Schema):
    code: str
    value: float | None
    score: float | None
    colour: str
    trend: str


class IndexOut(Schema):
    score: float | None
    rank: int | None
    rank_in_prefecture: int | None
    rank_in_population_class: int | None


class AreaScoresOut(Schema):
    area: str
    year: int
    index: IndexOut | None
    goals: list[ScoreOut]
    indicators: list[ScoreOut]


@router.get("/statistics", response=list[StatisticOut])
@decorate_view(cached_for_anonymous(CACHE_DOMAIN))
@paginate(Pagination, page_size=100)
def statistic_list(request: HttpRequest):
    return selectors.statistic_list()


@router.get("/observations", response=list[StatisticObservationOut])
@paginate(Pagination, page_size=500)
def observation_list(
    request: HttpRequest,
    statistic: str | None = None,
    area: str | None = None,
    year: int | None = None,
):
    return selectors.observation_list(statistic=statistic, area=area, year=year)


@router.get("/indicators", response=list[IndicatorOut])
@decorate_view(cached_for_anonymous(CACHE_DOMAIN))
@paginate(Pagination, page_size=100)
def indicator_list(request: HttpRequest):
    return selectors.indicator_list()


@router.get("/indicators/{code}/values", response=list[IndicatorValueOut])
@paginate(Pagination, page_size=2000)
def indicator_values(
    request: HttpRequest, code: str, year: int | None = None, area: str | None = None
):
    indicator = get_object_or_404(Indicator, code=code)
    values = (
        IndicatorValue.objects.filter(indicator=indicator)
        .select_related("area")
        .order_by("area__code", "year")
    )
    if year:
        values = values.filter(year=year)
    if area:
        values = values.filter(area__code=area)
    return values


@router.get("/areas/{code}/scores", response=AreaScoresOut)
@decorate_view(cached_by_scores)
def area_scores(request: HttpRequest, code: str, year: int | None = None):
    try:
        area = area_get(code=code)
    except (Area.DoesNotExist, ValueError):
        raise Http404(f"no area {code}") from None
    scores = selectors.area_scores(area=area, year=year)
    if scores is None:
        raise Http404("no scores computed yet")
    goal_rows = Score.objects.filter(area=area, year=scores.year, kind=ScoreKind.GOAL)
    return {
        "area": area.code,
        "year": scores.year,
        "index": scores.index,
        "goals": sorted(goal_rows, key=lambda s: int(s.code)),
        "indicators": sorted(scores.indicators.values(), key=lambda s: s.code),
    }


def _csv_response(rows: list[list], name: str) -> HttpResponse:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@router.get("/indicators/{code}/download.csv", include_in_schema=True)
def indicator_csv(request: HttpRequest, code: str):
    """All values, tidy: area, year, value, and the reference year of each statistic used."""
    indicator = get_object_or_404(Indicator, code=code)
    rows = [["area", "area_name", "year", "value", "inputs"]]
    for value in (
        IndicatorValue.objects.filter(indicator=indicator)
        .select_related("area")
        .order_by("area__code", "year")
    ):
        inputs = ";".join(f"{k}={v}" for k, v in sorted(value.input_years.items()))
        rows.append([value.area.code, value.area.name_ja, value.year, value.value, inputs])
    return _csv_response(rows, f"{code}.csv")


@router.get("/indicators/{code}/download-opensdg.csv")
def indicator_opensdg_csv(request: HttpRequest, code: str):
    """Open SDG tidy format: Year first, Value last, GeoCode second to last."""
    indicator = get_object_or_404(Indicator, code=code)
    rows = [["Year", "Units", "GeoCode", "Value"]]
    for value in (
        IndicatorValue.objects.filter(indicator=indicator)
        .select_related("area")
        .order_by("year", "area__code")
    ):
        rows.append([value.year, indicator.unit_en or indicator.unit, value.area.code, value.value])
    return _csv_response(rows, f"indicator_{code}.csv")


@router.get("/indicators/{code}/map.geojson")
def indicator_map(request: HttpRequest, code: str):
    """Municipal boundaries with the latest value and score (for the choropleth)."""
    return _indicator_map(request, code)


@cache_page(60 * 60)
def _cached_map(request: HttpRequest, code: str) -> JsonResponse:
    year = selectors.scores_year()
    scores = {
        s.area_id: s for s in Score.objects.filter(year=year, kind=ScoreKind.INDICATOR, code=code)
    }
    features = [
        {
            "type": "Feature",
            "geometry": area.geometry,
            "properties": {
                "code": area.code,
                "name": area.name_ja,
                "value": getattr(scores.get(area.pk), "value", None),
                "score": getattr(scores.get(area.pk), "score", None),
            },
        }
        for area in Area.objects.filter(geometry__isnull=False, kind="municipality").only(
            "id", "code", "name_ja", "geometry"
        )
    ]
    return JsonResponse({"type": "FeatureCollection", "features": features})


def _indicator_map(request: HttpRequest, code: str) -> JsonResponse:
    get_object_or_404(Indicator, code=code)
    return _cached_map(request, code)
