"""Biodiversity: the City Biodiversity Index (the latest published assessment of the area up to
the report's year), the survey campaigns' seasons and trends (visits up to the period's end),
and the citizen observations made in the period.

A campaign's season value is the mean count per visit of the visits that looked for every
target taxon (the campaign page's "all taxa" figure, summed over its sites); its trend is the
campaign page's method (Theil–Sen slope, Mann–Kendall test) applied to those seasons.
"""

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from tsunagu.biodiversity_index.models import Assessment, Component
from tsunagu.biodiversity_index.selectors import (
    COMPONENT_MAX,
    TOTAL_MAX,
    assessment_list,
    assessment_scores,
    assessment_totals,
    totals_from,
)
from tsunagu.nature import campaign_trends
from tsunagu.nature.campaign_trends import Direction
from tsunagu.nature.models import Campaign, QualityGrade, Visit
from tsunagu.nature.selectors.campaigns import campaign_list, campaign_results
from tsunagu.nature.selectors.observations import observation_list
from tsunagu.reports.blocks import register
from tsunagu.reports.blocks.base import Block, BlockContext, both, field_both
from tsunagu.reports.blocks.partnership import as_of_source, figure, period_source

INDICATOR_COUNT = 28


def trend_words(direction: Direction) -> dict[str, str]:
    """The campaign page's words for a trend, with its arrow."""
    words = {
        Direction.INCREASING: lambda: _("increasing"),
        Direction.STABLE: lambda: _("stable (no clear change)"),
        Direction.DECREASING: lambda: pgettext("count trend", "decreasing"),
        Direction.NOT_ENOUGH_DATA: lambda: _("not enough data (fewer than 3 seasons)"),
    }[direction]
    return both(lambda: f"{campaign_trends.ARROWS[direction]} {words()}")


def campaign_seasons(campaign: Campaign, context: BlockContext) -> list[dict]:
    """[{year, visits, total, mean}] of the campaign's seasons up to the period's end, from
    campaign_results' "all taxa" rows (summed over the sites)."""
    results = campaign_results(campaign, until=context.period_end)
    years: dict[int, dict] = {}
    for row in results["seasons"]:
        if row["taxon"] != campaign_trends.ALL_TAXA:
            continue
        season = years.setdefault(row["year"], {"year": row["year"], "visits": 0, "total": 0})
        season["visits"] += row["visits"]
        season["total"] += row["total"]
    for season in years.values():
        season["mean"] = season["total"] / season["visits"]
    return [years[year] for year in sorted(years)]


def cbi_part(context: BlockContext) -> dict:
    assessments = list(
        assessment_list(area=context.area, published_only=True).filter(year__lte=context.year)
    )
    if not assessments:
        return {"figures": [], "charts": [], "tables": [], "sources": [], "assessment": None}
    latest: Assessment = assessments[-1]
    rows = assessment_scores(latest)
    totals = totals_from(rows)
    source = both(
        lambda: (
            _("City Biodiversity Index (Singapore Index), the city's assessment for %(year)s")
            % {"year": latest.year}
        )
    )
    points = both(lambda: pgettext("unit", "points"))
    components = {key: both(lambda label=label: label) for key, label in Component.choices}
    figures = [
        figure(
            "cbi_total",
            both(lambda: _("City Biodiversity Index: total (out of %(max)s)") % {"max": TOTAL_MAX}),
            totals.total,
            points,
            latest.year,
            source,
        ),
        *(
            figure(
                f"cbi_{key}",
                both(
                    lambda key=key: (
                        _("City Biodiversity Index: %(component)s (out of %(max)s)")
                        % {"component": Component(key).label, "max": COMPONENT_MAX[key]}
                    )
                ),
                totals.components[key],
                points,
                latest.year,
                source,
            )
            for key in Component.values
        ),
        figure(
            "cbi_scored",
            both(
                lambda: (
                    _("City Biodiversity Index: indicators scored (of %(count)s)")
                    % {"count": INDICATOR_COUNT}
                )
            ),
            totals.scored,
            both(lambda: pgettext("unit", "indicators")),
            latest.year,
            source,
        ),
    ]
    table = {
        "id": "cbi-scores",
        "caption": both(
            lambda: (
                _("City Biodiversity Index: indicator scores (%(year)s)") % {"year": latest.year}
            )
        ),
        "columns": [
            both(lambda: _("No.")),
            both(lambda: _("Indicator")),
            both(lambda: _("Component")),
            both(lambda: _("Score (0–4)")),
        ],
        "rows": [
            [
                row.indicator.number,
                field_both(row.indicator, "name"),
                components[row.indicator.component],
                "–" if row.score is None else row.score,
            ]
            for row in rows
        ],
        "source": source,
    }
    history = [(a.year, assessment_totals(a)) for a in assessments]
    chart = {
        "id": "cbi-by-year",
        "kind": "line",
        "title": both(lambda: _("City Biodiversity Index by assessment year")),
        "categories": [str(year) for year, _totals in history],
        "series": [
            {"name": both(lambda: _("Total")), "values": [t.total for _year, t in history]},
            *(
                {
                    "name": components[key],
                    "values": [t.components[key] for _year, t in history],
                }
                for key in Component.values
            ),
        ],
        "max": TOTAL_MAX,
        "unit": points,
        "source": source,
    }
    return {
        "figures": figures,
        "charts": [chart],
        "tables": [table],
        "sources": [source],
        "assessment": latest,
    }


def surveys_part(context: BlockContext) -> dict:
    campaigns = list(campaign_list(user=AnonymousUser()))
    source = as_of_source(both(lambda: _("Tsunagu survey campaigns")), context.period_end)
    visits_source = period_source(both(lambda: _("Tsunagu survey campaigns")), context)
    visits_in_period = Visit.objects.filter(
        campaign__in=campaigns,
        date__gte=context.period_start,
        date__lte=context.period_end,
    ).count()
    figures = [
        figure(
            "survey_visits",
            both(lambda: _("Survey visits in the period")),
            visits_in_period,
            both(lambda: pgettext("unit", "visits")),
            context.year,
            visits_source,
        )
    ]
    per_visit = both(lambda: _("mean count per visit"))
    surveyed = []
    for campaign in campaigns:
        seasons = campaign_seasons(campaign, context)
        if not seasons:
            continue
        surveyed.append((campaign, seasons))
        last = seasons[-1]
        figures.append(
            figure(
                f"survey_{campaign.slug}_mean",
                both(
                    lambda campaign=campaign: (
                        _("%(campaign)s: mean count per visit") % {"campaign": campaign.title}
                    )
                ),
                last["mean"],
                per_visit,
                last["year"],
                source,
            )
        )
    if not surveyed:
        return {
            "figures": figures,
            "charts": [],
            "tables": [],
            "sources": [visits_source],
            "campaigns": [],
        }
    years = sorted({s["year"] for _c, seasons in surveyed for s in seasons})
    chart = {
        "id": "survey-trends",
        "kind": "line",
        "title": both(lambda: _("Survey campaigns: mean count per visit, by season")),
        "categories": [str(year) for year in years],
        "series": [
            {
                "name": field_both(campaign, "title"),
                "values": [
                    next((s["mean"] for s in seasons if s["year"] == year), None) for year in years
                ],
            }
            for campaign, seasons in surveyed
        ],
        "unit": per_visit,
        "source": source,
    }
    seasons_table = {
        "id": "survey-seasons",
        "caption": both(lambda: _("Survey campaigns by season")),
        "columns": [
            both(lambda: _("Survey campaign")),
            both(lambda: _("Year")),
            both(lambda: _("Visits (every target looked for)")),
            both(lambda: _("Total count")),
            both(lambda: _("Mean count per visit")),
        ],
        "rows": [
            [field_both(campaign, "title"), str(s["year"]), s["visits"], s["total"], s["mean"]]
            for campaign, seasons in surveyed
            for s in seasons
        ],
        "source": source,
    }
    trends = []
    for campaign, seasons in surveyed:
        trend = campaign_trends.trend([s["year"] for s in seasons], [s["mean"] for s in seasons])
        trends.append(
            [
                field_both(campaign, "title"),
                f"{trend.first_year}–{trend.last_year}",
                trend_words(trend.direction),
                "–" if trend.percent_per_year is None else round(trend.percent_per_year, 1),
            ]
        )
    trends_table = {
        "id": "survey-trends-table",
        "caption": both(lambda: _("Survey campaigns: trend of the mean count per visit")),
        "columns": [
            both(lambda: _("Survey campaign")),
            both(lambda: _("Seasons")),
            both(lambda: _("Trend")),
            both(lambda: _("% per year")),
        ],
        "rows": trends,
        "source": source,
    }
    return {
        "figures": figures,
        "charts": [chart],
        "tables": [seasons_table, trends_table],
        "sources": [visits_source, source],
        "campaigns": [campaign for campaign, _seasons in surveyed],
    }


def observations_part(context: BlockContext) -> dict:
    public = observation_list(
        user=AnonymousUser(), date_from=context.period_start, date_to=context.period_end
    )
    research = Q(quality_grade=QualityGrade.RESEARCH)
    totals = public.aggregate(
        observations=Count("pk"),
        research_grade=Count("pk", filter=research),
        taxa=Count("community_taxon", distinct=True, filter=research),
        observers=Count("observer", distinct=True),
    )
    source = period_source(
        both(lambda: _("Tsunagu citizen observations (public records)")), context
    )
    observations = both(lambda: pgettext("unit", "observations"))
    return {
        "figures": [
            figure(
                "observations",
                both(lambda: _("Citizen observations")),
                totals["observations"],
                observations,
                context.year,
                source,
            ),
            figure(
                "observations_research_grade",
                both(lambda: _("Observations at research grade")),
                totals["research_grade"],
                observations,
                context.year,
                source,
            ),
            figure(
                "observations_species",
                both(lambda: _("Taxa identified at research grade")),
                totals["taxa"],
                both(lambda: pgettext("unit", "taxa")),
                context.year,
                source,
            ),
            figure(
                "observers",
                both(lambda: _("Observers")),
                totals["observers"],
                both(lambda: pgettext("unit", "people")),
                context.year,
                source,
            ),
        ],
        "sources": [source],
    }


@register
class BiodiversityBlock(Block):
    name = "biodiversity"
    title = gettext_lazy("Biodiversity: index, surveys and observations")
    template = "reports/blocks/biodiversity.html"

    def collect(self, context: BlockContext) -> dict:
        cbi = cbi_part(context)
        surveys = surveys_part(context)
        observations = observations_part(context)
        assessment = cbi["assessment"]
        return {
            "year": context.year,
            "cbi_year": assessment.year if assessment else None,
            "has_surveys": bool(surveys["campaigns"]),
            "is_demo": bool(assessment and assessment.is_demo)
            or any(campaign.is_demo for campaign in surveys["campaigns"]),
            "figures": cbi["figures"] + surveys["figures"] + observations["figures"],
            "charts": cbi["charts"] + surveys["charts"],
            "tables": cbi["tables"] + surveys["tables"],
            "sources": cbi["sources"] + surveys["sources"] + observations["sources"],
        }
