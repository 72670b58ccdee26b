"""Reads for the CBI pages, API and CSV: assessments, totals and the comparison across years."""

from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from tsunagu.biodiversity_index.models import (
    Assessment,
    AssessmentStatus,
    Component,
    IndicatorScore,
)
from tsunagu.biodiversity_index.scoring import MAX_POINTS, describe, thresholds_from
from tsunagu.core.models import Area

# Indicators per component: 1–10, 11–16, 17–28 (4 points each).
COMPONENT_MAX = {
    Component.NATIVE: 10 * MAX_POINTS,
    Component.SERVICES: 6 * MAX_POINTS,
    Component.GOVERNANCE: 12 * MAX_POINTS,
}
TOTAL_MAX = sum(COMPONENT_MAX.values())


@dataclass
class Totals:
    total: int
    scored: int
    components: dict[str, int] = field(default_factory=dict)


def city_area() -> Area | None:
    return Area.objects.filter(code=settings.TSUNAGU_CITY_CODE).first()


def assessment_list(*, area: Area | None, published_only: bool) -> QuerySet[Assessment]:
    assessments = Assessment.objects.filter(area=area).order_by("year")
    if published_only:
        assessments = assessments.filter(status=AssessmentStatus.PUBLISHED)
    return assessments


def assessment_scores(assessment: Assessment) -> list[IndicatorScore]:
    rows = list(assessment.scores.select_related("indicator", "entered_by"))
    for row in rows:
        thresholds = thresholds_from(row.indicator.thresholds)
        row.ranges = describe(thresholds) if thresholds else []
    return rows


def totals_from(rows: list[IndicatorScore]) -> Totals:
    components = dict.fromkeys(Component.values, 0)
    scored = 0
    for row in rows:
        if row.score is not None:
            components[row.indicator.component] += row.score
            scored += 1
    return Totals(total=sum(components.values()), scored=scored, components=components)


def assessment_totals(assessment: Assessment) -> Totals:
    return totals_from(list(assessment.scores.select_related("indicator")))


def comparison(assessments: list[Assessment]) -> dict:
    """Totals and component subtotals per year (for the table and the chart)."""
    years, totals = [], []
    components: dict[str, list[int]] = {c: [] for c in Component.values}
    for assessment in assessments:
        result = assessment_totals(assessment)
        years.append(assessment.year)
        totals.append(result.total)
        for key in Component.values:
            components[key].append(result.components[key])
    return {
        "years": years,
        "total": totals,
        "components": [
            {
                "key": key,
                "label": str(Component(key).label),
                "values": components[key],
                "max": COMPONENT_MAX[key],
            }
            for key in Component.values
        ],
        "max": TOTAL_MAX,
        "total_label": str(_("Total")),
        "rows": [
            {
                "year": year,
                "values": [components[c][i] for c in Component.values],
                "total": totals[i],
            }
            for i, year in enumerate(years)
        ],
    }
