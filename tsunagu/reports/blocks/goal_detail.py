"""One SDG goal in depth: its score, and every indicator of the goal with values for the area
(latest value, local 2030 target and progress towards it, score, dashboard colour, trend and
its series over the years).

Progress towards a local target is the stored Open SDG progress measure (Score kind
"progress", computed by indicators.services.scoring), which exists for the city only: the
local targets are the city's."""

from django.conf import settings
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from tsunagu.core.models import Goal
from tsunagu.indicators import selectors
from tsunagu.indicators.models import Indicator, Score, ScoreKind
from tsunagu.indicators.templatetags.dashboards import PROGRESS
from tsunagu.reports.blocks import register
from tsunagu.reports.blocks.base import Block, BlockContext, both, field_both, pick
from tsunagu.reports.blocks.goal_overview import (
    area_scores_until,
    colour_text,
    credited,
    credits,
    goal_name,
    score_unit,
    scores_source,
    trend_text,
)
from tsunagu.reports.templatetags.reports import number

MAX_CHARTS = 6
BRACKETS = {"ja": "（{}）", "en": " ({})"}


def goal_number(params: dict | None) -> int:
    try:
        value = int((params or {}).get("goal"))
    except (TypeError, ValueError):
        value = 0
    if not 1 <= value <= 17:
        raise ValueError(_("Choose a goal from 1 to 17."))
    return value


def goal_heading(goal: Goal) -> dict[str, str]:
    name = goal_name(goal)
    return both(
        lambda: (
            _("Goal %(number)s: %(name)s")
            % {"number": goal.number, "name": pick(name, get_language())}
        )
    )


def _progress_source(indicator: Indicator, year: int | None) -> dict[str, str]:
    method = both(lambda: _("progress measured by Tsunagu with the Open SDG progress measure"))
    return credited([*credits([indicator]), method], year)


def _value_text(value: float | None, unit: dict[str, str]) -> dict[str, str] | str:
    if value is None:
        return "–"
    return {language: f"{number(value)} {unit[language]}".strip() for language in unit}


def _target_text(target: dict, unit: dict[str, str]) -> dict[str, str]:
    def make() -> str:
        text = _("%(value)s %(unit)s by %(year)s") % {
            "value": number(target["value"]),
            "unit": unit[get_language()],
            "year": target["year"],
        }
        if target["is_demo"]:
            text += BRACKETS[get_language()].format(_("demo content"))
        return text

    return both(make)


def _unique(texts: list[dict[str, str]]) -> list[dict[str, str]]:
    """Distinct texts, in order of first appearance."""
    return list({(text["ja"], text["en"]): text for text in texts}.values())


@register
class GoalDetailBlock(Block):
    name = "goal_detail"
    title = gettext_lazy("SDG goal in depth")
    template = "reports/blocks/goal_detail.html"

    def default_heading(self, context_params: dict | None = None) -> dict[str, str]:
        try:
            return goal_heading(Goal.objects.get(number=goal_number(context_params)))
        except (ValueError, Goal.DoesNotExist):
            return super().default_heading(context_params)

    def collect(self, context: BlockContext) -> dict:
        goal = Goal.objects.get(number=goal_number(context.params))
        area = context.area
        scores = area_scores_until(area=area, year=context.year)
        scores_year = scores.year if scores else None
        result = next((g for g in scores.goals if g.goal == goal), None) if scores else None
        indicator_scores = scores.indicators if scores else {}
        # The local 2030 targets are the city's: other areas are shown without them.
        with_targets = area.code == settings.TSUNAGU_CITY_CODE
        progress = _progress_scores(context, scores_year) if with_targets else {}
        items = []
        for indicator in selectors.indicator_list().filter(goal=goal):
            series = [
                [value.year, value.value]
                for value in selectors.indicator_series(indicator=indicator, area=area)
                if value.year <= context.year
            ]
            if series:
                items.append((indicator, series))
        goal_source = scores_source(
            [i for i, _series in items if i.code in indicator_scores], scores_year
        )
        indicators = [
            _indicator_data(
                indicator,
                series,
                score=indicator_scores.get(indicator.code),
                progress=progress.get(indicator.code),
                with_target=with_targets,
                scores_year=scores_year,
            )
            for indicator, series in items
        ]
        score = result.score if result else None
        colour = result.colour if result else "grey"
        trend = result.trend if result else ""
        figures = [
            {
                "key": f"goal_{goal.number}",
                "label": goal_heading(goal),
                "value": score,
                "unit": score_unit(),
                "year": scores_year,
                "source": goal_source,
                "colour": colour,
                "trend": trend,
            }
        ]
        for item in indicators:
            figures += _indicator_figures(item, scores_year)
        charts = _charts(indicators, context)
        table = _table(goal, indicators, context, with_targets)
        # The table holds the values of every indicator, scored or not.
        table["source"] = scores_source(
            [indicator for indicator, _series in items],
            scores_year or max((item["year"] for item in indicators), default=None),
        )
        sources = _unique(
            [figure["source"] for figure in figures]
            + [chart["source"] for chart in charts]
            + [table["source"]]
        )
        return {
            "goal": {
                "number": goal.number,
                "name": goal_name(goal),
                "title": field_both(goal, "title"),
                "heading": goal_heading(goal),
                "colour": goal.colour,
            },
            "year": scores_year,
            "score": score,
            "colour": colour,
            "colour_label": colour_text(colour),
            "trend": trend,
            "trend_label": trend_text(trend),
            "indicators": indicators,
            "figures": figures,
            "charts": charts,
            "tables": [table],
            "sources": sources,
        }


def _progress_scores(context: BlockContext, scores_year: int | None) -> dict[str, Score]:
    if scores_year is None:
        return {}
    return {
        score.code: score
        for score in Score.objects.filter(
            area=context.area, year=scores_year, kind=ScoreKind.TARGET_PROGRESS
        )
    }


def _indicator_data(
    indicator: Indicator,
    series: list[list],
    *,
    score: Score | None,
    progress: Score | None,
    with_target: bool,
    scores_year: int | None,
) -> dict:
    year, value = series[-1]
    unit = field_both(indicator, "unit")
    target = None
    if with_target and indicator.target_value is not None:
        target = {
            "value": indicator.target_value,
            "base_year": indicator.target_base_year,
            "year": indicator.target_year or 2030,
            "is_demo": indicator.target_is_demo,
        }
    status = progress.trend if progress else ""
    colour = (score.colour if score else "") or "grey"
    trend = score.trend if score else ""
    return {
        "code": indicator.code,
        "name": field_both(indicator, "name"),
        "unit": unit,
        "direction": indicator.direction,
        "value": value,
        "year": year,
        "series": series,
        "source": credited(credits([indicator]), year),
        "target": target,
        "progress": None
        if target is None
        else {
            "score": progress.score if progress else None,
            "status": status,
            "status_label": both(lambda: PROGRESS.get(status or "not_available", status)),
            "source": _progress_source(indicator, scores_year),
        },
        "score": score.score if score else None,
        "colour": colour,
        "colour_label": colour_text(colour),
        "trend": trend,
        "trend_label": trend_text(trend),
    }


def _indicator_figures(item: dict, scores_year: int | None) -> list[dict]:
    figures = [
        {
            "key": f"indicator_{item['code']}",
            "label": item["name"],
            "value": item["value"],
            "unit": item["unit"],
            "year": item["year"],
            "source": item["source"],
        }
    ]
    if item["progress"] is not None:
        name = item["name"]
        figures.append(
            {
                "key": f"indicator_{item['code']}_progress",
                "label": both(
                    lambda: (
                        _("Progress towards the local target: %(indicator)s")
                        % {"indicator": pick(name, get_language())}
                    )
                ),
                "value": item["progress"]["score"],
                "unit": both(lambda: _("progress score (−5 to 5)")),
                "year": scores_year,
                "source": item["progress"]["source"],
                "status": item["progress"]["status"],
            }
        )
    return figures


def _with_unit(name: dict[str, str], unit: dict[str, str]) -> dict[str, str]:
    """The indicator's name, followed by its unit when the name does not say it."""
    return {
        language: text + BRACKETS[language].format(unit[language])
        if unit[language] and unit[language] not in text
        else text
        for language, text in name.items()
    }


def _charts(indicators: list[dict], context: BlockContext) -> list[dict]:
    """Line charts of the indicators with the longest series (two points at least)."""
    chosen = sorted(
        (i for i, item in enumerate(indicators) if len(item["series"]) > 1),
        key=lambda i: -len(indicators[i]["series"]),
    )[:MAX_CHARTS]
    area_name = field_both(context.area, "name")
    charts = []
    for index in sorted(chosen):
        item = indicators[index]
        name, first = _with_unit(item["name"], item["unit"]), item["series"][0][0]
        charts.append(
            {
                "id": f"indicator-{item['code'].lower()}",
                "kind": "line",
                "title": both(
                    lambda name=name, first=first, last=item["year"]: (
                        _("%(indicator)s, %(area)s, %(first)s–%(last)s")
                        % {
                            "indicator": pick(name, get_language()),
                            "area": pick(area_name, get_language()),
                            "first": first,
                            "last": last,
                        }
                    )
                ),
                "categories": [str(year) for year, _value in item["series"]],
                "series": [{"name": item["name"], "values": [v for _year, v in item["series"]]}],
                "unit": item["unit"],
                "source": item["source"],
            }
        )
    return charts


def _table(
    goal: Goal,
    indicators: list[dict],
    context: BlockContext,
    with_targets: bool,
) -> dict:
    with_targets = with_targets and any(item["target"] for item in indicators)
    columns = [
        both(lambda: _("Indicator")),
        both(lambda: _("Latest value")),
        both(lambda: _("Year")),
    ]
    if with_targets:
        columns += [both(lambda: _("Local 2030 target")), both(lambda: _("Progress"))]
    columns += [both(lambda: _("Score")), both(lambda: _("Dashboard")), both(lambda: _("Trend"))]
    rows = []
    for item in indicators:
        row = [
            {lang: f"{item['code']} {text}" for lang, text in item["name"].items()},
            _value_text(item["value"], item["unit"]),
            str(item["year"]),
        ]
        if with_targets:
            target, progress = item["target"], item["progress"]
            row += [
                _target_text(target, item["unit"]) if target else "–",
                progress["status_label"] if progress else "–",
            ]
        row += [
            "–" if item["score"] is None else round(item["score"], 1),
            item["colour_label"],
            item["trend_label"],
        ]
        rows.append(row)
    area_name = field_both(context.area, "name")
    return {
        "id": f"goal-{goal.number}-indicators",
        "caption": both(
            lambda: (
                _("Indicators of goal %(number)s, %(area)s")
                % {"number": goal.number, "area": pick(area_name, get_language())}
            )
        ),
        "columns": columns,
        "rows": rows,
    }
