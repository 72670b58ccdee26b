"""Indicator dashboards (thin: stored scores and values, never recomputed per request)."""

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from tsunagu.core.models import Area, AreaKind, Goal
from tsunagu.core.selectors import area_get
from tsunagu.indicators import selectors
from tsunagu.indicators.caching import cached_by_scores
from tsunagu.indicators.formula import formula_statistics
from tsunagu.indicators.models import CompositeIndicator, Indicator, Score, ScoreKind


def _area(request: HttpRequest) -> Area:
    code = request.GET.get("area") or settings.TSUNAGU_CITY_CODE
    try:
        area = area_get(code=code)
    except (Area.DoesNotExist, ValueError):
        raise Http404(f"no area {code}") from None
    if area.kind != AreaKind.MUNICIPALITY:
        raise Http404("scores exist for municipalities")
    return area


def _no_data(request: HttpRequest) -> HttpResponse:
    return render(request, "indicators/no_data.html", status=200)


def _local_targets_progress(area: Area, year: int) -> list[tuple[Indicator, Score | None]]:
    """The city's local 2030 targets with their progress status (only on the city's page)."""
    if area.code != settings.TSUNAGU_CITY_CODE:
        return []
    progress = {
        s.code: s
        for s in Score.objects.filter(area=area, year=year, kind=ScoreKind.TARGET_PROGRESS)
    }
    indicators = Indicator.objects.filter(target_value__isnull=False)
    return [(indicator, progress.get(indicator.code)) for indicator in indicators]


@cached_by_scores
def overview(request: HttpRequest) -> HttpResponse:
    year = selectors.scores_year()
    if year is None:
        return _no_data(request)
    area = _area(request)
    scores = selectors.area_scores(area=area, year=year)
    prefecture = area.parent.code if area.parent else None
    return render(
        request,
        "indicators/overview.html",
        {
            "area": area,
            "scores": scores,
            "year": year,
            "national_median": selectors.index_median(year=year),
            "prefecture_median": selectors.index_median(year=year, prefecture_code=prefecture),
            "ranked_count": Score.objects.filter(
                year=year, kind=ScoreKind.INDEX, rank__isnull=False
            ).count(),
            "local_targets_progress": _local_targets_progress(area, year),
        },
    )


@cached_by_scores
def goal_detail(request: HttpRequest, number: int) -> HttpResponse:
    year = selectors.scores_year()
    if year is None:
        return _no_data(request)
    goal = get_object_or_404(Goal, number=number)
    area = _area(request)
    indicators = list(Indicator.objects.filter(goal=goal))
    scores = selectors.area_scores(area=area, year=year)
    goal_result = next(g for g in scores.goals if g.goal.number == number)
    series = selectors.indicator_series_by_code(indicators=indicators, area=area)
    distribution = list(
        Score.objects.filter(
            year=year,
            kind=ScoreKind.GOAL,
            code=str(number),
            score__isnull=False,
        ).values_list("score", flat=True)
    )
    rows = [(i, scores.indicators.get(i.code), series[i.code]) for i in indicators]
    composite_scores = {
        s.code: s for s in Score.objects.filter(area=area, year=year, kind=ScoreKind.COMPOSITE)
    }
    composites = [
        (c, composite_scores.get(c.code))
        for c in CompositeIndicator.objects.filter(goal=goal).prefetch_related("components")
    ]
    return render(
        request,
        "indicators/goal_detail.html",
        {
            "goal": goal,
            "area": area,
            "year": year,
            "goal_result": goal_result,
            "rows": rows,
            "composites": composites,
            "chart": {
                "series": series,
                "distribution": distribution,
                "highlight": goal_result.score,
            },
        },
    )


@cached_by_scores
def indicator_detail(request: HttpRequest, code: str) -> HttpResponse:
    year = selectors.scores_year()
    if year is None:
        return _no_data(request)
    indicator = get_object_or_404(Indicator.objects.select_related("goal"), code=code)
    area = _area(request)
    values = list(selectors.indicator_series(indicator=indicator, area=area))
    # in the formula's order (PostgreSQL's jsonb does not keep the keys' order)
    inputs = formula_statistics(indicator.formula)
    table = [(v, [(code, v.input_years.get(code)) for code in inputs]) for v in values]
    mine = Score.objects.filter(year=year, kind=ScoreKind.INDICATOR, code=code, area=area).first()
    return render(
        request,
        "indicators/indicator_detail.html",
        {
            "indicator": indicator,
            "area": area,
            "year": year,
            "values": values,
            "table": table,
            "score": mine,
            "chart": {
                "series": [[v.year, v.value] for v in values],
                "target": indicator.target_value
                if area.code == settings.TSUNAGU_CITY_CODE
                else None,
                "target_year": indicator.target_year,
            },
        },
    )


@cached_by_scores
def compare(request: HttpRequest) -> HttpResponse:
    """The city against peers it picks (?peers=codes), by default those of similar size."""
    year = selectors.scores_year()
    if year is None:
        return _no_data(request)
    area = _area(request)
    requested = [c.strip() for c in request.GET.get("peers", "").split(",") if c.strip()]
    peers = []
    for code in requested[:12]:
        try:
            peers.append(area_get(code=code))
        except (Area.DoesNotExist, ValueError):
            raise Http404(f"no area {code}") from None
    chosen_by_user = bool(peers)
    peers = peers or selectors.similar_population_peers(area=area)
    areas = [area, *peers]
    table = selectors.comparison(areas=areas, year=year)
    goals = list(Goal.objects.all())
    rows = [(goal, [table[a.pk].get(str(goal.number)) for a in areas]) for goal in goals]
    return render(
        request,
        "indicators/compare.html",
        {
            "area": area,
            "areas": areas,
            "year": year,
            "chosen_by_user": chosen_by_user,
            "index_row": [table[a.pk].get("index") for a in areas],
            "rows": rows,
            "peer_codes": ",".join(p.code for p in peers),
        },
    )
