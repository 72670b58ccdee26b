"""Sustainable tourism: the operators certified on the period's last day (or today, while the
period runs), their share of the area's registered operators, and the visitor statistics.

Visitor figures are the annual totals of complete years (all 12 months imported), as fed to
the tourism indicators. The headline figures are those of the period's latest complete year;
the charts and the table also show up to `years_before` (parameter, default 4) earlier years,
so that the period can be read against the years before it. Nothing after the period's last
year is shown.
"""

from django.utils import timezone
from django.utils.translation import get_language, gettext_lazy, pgettext
from django.utils.translation import gettext as _

from tsunagu.reports.blocks import register
from tsunagu.reports.blocks.base import Block, BlockContext, both, field_both, pick
from tsunagu.reports.blocks.partnership import as_of_source, figure
from tsunagu.tourism.indicators_feed import certified_operators_share
from tsunagu.tourism.models import OperatorType
from tsunagu.tourism.selectors import certificates_in_force
from tsunagu.tourism_stats.feed import annual_figures
from tsunagu.tourism_stats.models import MonthlyFigure

YEARS_BEFORE = 4


def certificates_part(context: BlockContext) -> dict:
    on = min(context.period_end, timezone.localdate())
    certificates = certificates_in_force(area=context.area, on=on)
    operators = {c.operator_id: c.operator for c in certificates}
    source = as_of_source(both(lambda: _("Tsunagu SDG tourism certificate register")), on)
    share_source = as_of_source(
        both(lambda: _("Tsunagu SDG tourism certificates and registered operators")), on
    )
    types = {kind: both(lambda label=label: label) for kind, label in OperatorType.choices}
    figures = [
        figure(
            "certified_operators",
            both(lambda: _("Certified SDG tourism operators")),
            len(operators),
            both(lambda: pgettext("unit", "operators")),
            on.year,
            source,
        ),
        figure(
            "certificates_in_force",
            both(lambda: _("SDG tourism certificates in force")),
            len(certificates),
            both(lambda: pgettext("unit", "certificates")),
            on.year,
            source,
        ),
        figure(
            "certified_operators_share",
            both(lambda: _("Share of the area's registered operators that are certified")),
            certified_operators_share(context.area, on.year, today=on),
            both(lambda: "%"),
            on.year,
            share_source,
        ),
    ]
    table = {
        "id": "certified-operators",
        "caption": both(
            lambda: _("Certified SDG tourism operators on %(date)s") % {"date": on.isoformat()}
        ),
        "columns": [
            both(lambda: _("Operator")),
            both(lambda: _("Type")),
            both(lambda: _("Scheme")),
            both(lambda: _("Certificate number")),
            both(lambda: _("Issued")),
            both(lambda: _("Expires")),
        ],
        "rows": [
            [
                field_both(c.operator, "name"),
                types.get(c.operator.type, c.operator.type),
                field_both(c.version.scheme, "name"),
                c.number,
                c.issued_on.isoformat(),
                c.expires_on.isoformat(),
            ]
            for c in certificates
        ],
        "source": source,
    }
    return {
        "figures": figures,
        "tables": [table],
        "sources": [source, share_source],
        "is_demo": any(operator.is_demo for operator in operators.values()),
    }


def visitors_part(context: BlockContext) -> dict:
    first = context.period_start.year - int(context.params.get("years_before", YEARS_BEFORE))
    shown = range(first, context.period_end.year + 1)
    in_period = range(context.period_start.year, context.period_end.year + 1)
    by_statistic: dict[str, dict[int, float]] = {}
    for statistic, year, value in annual_figures(context.area):
        if year in shown:
            by_statistic.setdefault(statistic, {})[year] = value
    visitors = by_statistic.get("TS_VISITORS", {})
    stays_total = by_statistic.get("TS_STAYS_TOTAL", {})
    stays_foreign = by_statistic.get("TS_STAYS_FOREIGN", {})
    stays_japanese = {year: stays_total[year] - stays_foreign[year] for year in stays_total}
    years = sorted(set(visitors) | set(stays_total))
    originals = sorted(
        set(
            MonthlyFigure.objects.filter(area=context.area, year__in=years, category="")
            .exclude(source="")
            .values_list("source", flat=True)
        )
    )
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "–")

    def credit() -> str:
        text = _("Visitor statistics on Tsunagu: annual totals of complete years")
        if originals:
            text = _("%(source)s (%(original)s)") % {
                "source": text,
                "original": "; ".join(originals),
            }
        return _("%(source)s, %(years)s") % {"source": text, "years": span}

    source = both(credit)
    people = both(lambda: pgettext("unit", "people"))
    nights = both(lambda: pgettext("unit", "overnight stays"))

    def latest(values: dict[int, float], key: str, label, unit: dict) -> dict:
        year = max((y for y in values if y in in_period), default=None)
        return figure(
            key,
            both(label),
            values[year] if year is not None else None,
            unit,
            year if year is not None else context.year,
            source,
        )

    figures = [
        latest(visitors, "visitors", lambda: _("Visitors (year)"), people),
        latest(stays_total, "stays_total", lambda: _("Overnight stays (year)"), nights),
        latest(
            stays_japanese,
            "stays_japanese",
            lambda: _("Overnight stays of Japanese guests (year)"),
            nights,
        ),
        latest(
            stays_foreign,
            "stays_foreign",
            lambda: _("Overnight stays of foreign guests (year)"),
            nights,
        ),
    ]
    if not years:
        return {
            "figures": figures,
            "charts": [],
            "tables": [],
            "sources": [source],
            "is_demo": False,
        }
    categories = [str(year) for year in years]
    charts = [
        {
            "id": "visitors-by-year",
            "kind": "line",
            "title": both(lambda: _("Visitors per year")),
            "categories": categories,
            "series": [
                {"name": both(lambda: _("Visitors")), "values": [visitors.get(y) for y in years]}
            ],
            "unit": people,
            "source": source,
        },
        {
            "id": "stays-by-year",
            "kind": "bar",
            "title": both(lambda: _("Overnight stays per year, Japanese and foreign guests")),
            "categories": categories,
            "series": [
                {
                    "name": both(lambda: _("Japanese guests")),
                    "values": [stays_japanese.get(y) for y in years],
                },
                {
                    "name": both(lambda: _("Foreign guests")),
                    "values": [stays_foreign.get(y) for y in years],
                },
            ],
            "unit": nights,
            "source": source,
        },
    ]
    table = {
        "id": "visitor-statistics",
        "caption": both(
            lambda: (
                _("Visitor statistics of %(area)s")
                % {"area": pick(field_both(context.area, "name"), get_language())}
            )
        ),
        "columns": [
            both(lambda: _("Year")),
            both(lambda: _("Visitors")),
            both(lambda: _("Overnight stays (Japanese guests)")),
            both(lambda: _("Overnight stays (foreign guests)")),
            both(lambda: _("Overnight stays (total)")),
        ],
        "rows": [
            [
                str(year),
                visitors.get(year, "–"),
                stays_japanese.get(year, "–"),
                stays_foreign.get(year, "–"),
                stays_total.get(year, "–"),
            ]
            for year in years
        ],
        "source": source,
    }
    return {
        "figures": figures,
        "charts": charts,
        "tables": [table],
        "sources": [source],
        "is_demo": MonthlyFigure.objects.filter(
            area=context.area, year__in=years, is_demo=True
        ).exists(),
    }


@register
class TourismBlock(Block):
    name = "tourism"
    title = gettext_lazy("Sustainable tourism: certified operators and visitors")
    template = "reports/blocks/tourism.html"

    def collect(self, context: BlockContext) -> dict:
        certificates = certificates_part(context)
        visitors = visitors_part(context)
        return {
            "year": context.year,
            "is_demo": certificates["is_demo"] or visitors["is_demo"],
            "figures": certificates["figures"] + visitors["figures"],
            "charts": visitors["charts"],
            "tables": certificates["tables"] + visitors["tables"],
            "sources": certificates["sources"] + visitors["sources"],
        }
