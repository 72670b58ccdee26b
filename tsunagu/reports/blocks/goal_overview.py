"""The SDG attainment overview: the index and the 17 goal scores of the report's area, from the
stored SDSN scores of the latest year up to the report's reference year.

The helpers here (scores up to a year, colour and trend words, source credits) are shared with
the goal_detail block."""

import unicodedata
from collections.abc import Iterable

from django.db.models import Max
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from tsunagu.core.models import Area, Goal
from tsunagu.indicators import selectors
from tsunagu.indicators.formula import formula_statistics
from tsunagu.indicators.models import Indicator, Score, Statistic
from tsunagu.indicators.templatetags.dashboards import COLOURS, TRENDS
from tsunagu.reports.blocks import register
from tsunagu.reports.blocks.base import Block, BlockContext, both, field_both, pick

# The hbar chart leaves 184 px for a category label at 12 px.
LABEL_WIDTH_PX = 182
SEPARATORS = {"ja": "；", "en": "; "}


def scores_year_until(*, area: Area, year: int) -> int | None:
    """The latest year with stored scores for the area, not after `year`."""
    return Score.objects.filter(area=area, year__lte=year).aggregate(year=Max("year"))["year"]


def area_scores_until(*, area: Area, year: int) -> selectors.AreaScores | None:
    scores_year = scores_year_until(area=area, year=year)
    if scores_year is None:
        return None
    return selectors.area_scores(area=area, year=scores_year)


def colour_text(colour: str | None) -> dict[str, str]:
    return both(lambda: COLOURS.get(colour or "grey", colour))


def trend_text(trend: str | None) -> dict[str, str] | str:
    """Arrow and words ("➚ moderately improving"), or a dash without a trend."""
    if trend not in TRENDS:
        return "–"
    arrow, words = TRENDS[trend]
    return both(lambda: f"{arrow} {words}")


def goal_name(goal: Goal) -> dict[str, str]:
    return field_both(goal, "short_title")


def score_unit() -> dict[str, str]:
    return both(lambda: _("points out of 100"))


def credits(indicators: Iterable[Indicator]) -> list[dict[str, str]]:
    """The credits of the statistics the indicators are computed from, in order of first use;
    an indicator whose statistics are unknown is credited with its indicator set's source."""
    indicators = list(indicators)
    codes = list(dict.fromkeys(c for i in indicators for c in formula_statistics(i.formula)))
    statistics = Statistic.objects.in_bulk(codes, field_name="code")
    found: dict[tuple[str, str], dict[str, str]] = {}
    for indicator in indicators:
        texts = [
            field_both(statistics[code], "credit")
            for code in formula_statistics(indicator.formula)
            if code in statistics
        ] or [field_both(indicator, "source")]
        for text in texts:
            if text["ja"] or text["en"]:
                found.setdefault((text["ja"], text["en"]), text)
    return list(found.values())


def credited(parts: list[dict[str, str]], year: int | None) -> dict[str, str]:
    """One source line: the credits joined, and the data year."""

    def make() -> str:
        language = get_language()
        joined = SEPARATORS[language].join(str(pick(part, language)) for part in parts)
        if year is None:
            return joined
        return _("%(sources)s (data up to %(year)s)") % {"sources": joined, "year": year}

    return both(make)


def scores_source(indicators: Iterable[Indicator], year: int | None) -> dict[str, str]:
    """Credits of the statistics behind the scores, the SDSN method and the data year."""
    method = both(lambda: _("scores computed by Tsunagu with the SDSN SDG Index method"))
    return credited([*credits(indicators), method], year)


def _text_width(text: str) -> float:
    return sum(12 if unicodedata.east_asian_width(c) in "WF" else 6.2 for c in text)


def short_label(text: str, width: float = LABEL_WIDTH_PX) -> str:
    """The text cut (with an ellipsis) to fit a chart's category column."""
    if _text_width(text) <= width:
        return text
    while text and _text_width(text + "…") > width:
        text = text[:-1]
    return text.rstrip(" ,、") + "…"


@register
class GoalOverviewBlock(Block):
    name = "goal_overview"
    title = gettext_lazy("SDG attainment overview")
    template = "reports/blocks/goal_overview.html"

    def collect(self, context: BlockContext) -> dict:
        scores = area_scores_until(area=context.area, year=context.year)
        empty = {"year": None, "figures": [], "charts": [], "tables": [], "sources": []}
        if scores is None:
            return {**empty, "goals": [], "index": None}
        year = scores.year
        source = scores_source(
            selectors.indicator_list().filter(code__in=list(scores.indicators)), year
        )
        unit = score_unit()
        goals = [
            {
                "number": result.goal.number,
                "name": goal_name(result.goal),
                "label": both(
                    lambda result=result: (
                        _("Goal %(number)s: %(name)s")
                        % {
                            "number": result.goal.number,
                            "name": pick(goal_name(result.goal), get_language()),
                        }
                    )
                ),
                "score": result.score,
                "colour": result.colour,
                "colour_label": colour_text(result.colour),
                "trend": result.trend,
                "trend_label": trend_text(result.trend),
            }
            for result in scores.goals
        ]
        index_score = scores.index.score if scores.index else None
        figures = [
            {
                "key": "index",
                "label": both(lambda: _("SDG attainment index")),
                "value": index_score,
                "unit": unit,
                "year": year,
                "source": source,
            },
            *(
                {
                    "key": f"goal_{goal['number']}",
                    "label": goal["label"],
                    "value": goal["score"],
                    "unit": unit,
                    "year": year,
                    "source": source,
                    "colour": goal["colour"],
                    "trend": goal["trend"],
                }
                for goal in goals
            ),
        ]
        chart = {
            "id": "goal-scores",
            "kind": "hbar",
            "title": both(
                lambda: (
                    _("Score of each SDG goal, %(area)s (%(year)s)")
                    % {"area": pick(field_both(context.area, "name"), get_language()), "year": year}
                )
            ),
            "categories": [
                {
                    language: short_label(f"{goal['number']}. {goal['name'][language]}")
                    for language in ("ja", "en")
                }
                for goal in goals
            ],
            "series": [
                {
                    "name": both(lambda: _("Goal score")),
                    "values": [goal["score"] for goal in goals],
                    "colours": [goal["colour"] for goal in goals],
                }
            ],
            "max": 100,
            "unit": unit,
            "source": source,
        }
        table = {
            "id": "goal-scores-table",
            "caption": both(
                lambda: (
                    _("SDG dashboard of %(area)s (%(year)s)")
                    % {"area": pick(field_both(context.area, "name"), get_language()), "year": year}
                )
            ),
            "columns": [
                both(lambda: _("Goal")),
                both(lambda: _("Score")),
                both(lambda: _("Dashboard")),
                both(lambda: _("Trend")),
            ],
            "rows": [
                [
                    goal["label"],
                    "–" if goal["score"] is None else round(goal["score"], 1),
                    goal["colour_label"],
                    goal["trend_label"],
                ]
                for goal in goals
            ],
            "source": source,
        }
        return {
            "year": year,
            "index": index_score,
            "goals": goals,
            "figures": figures,
            "charts": [chart],
            "tables": [table],
            "sources": [source],
        }
