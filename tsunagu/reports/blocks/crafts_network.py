"""Crafts and the Creative Cities Network: the talent programmes' figures, craft experience
bookings, Kanazawa's exchanges with other Creative Cities, and the crafts register.

Programme participants are recorded per year, so the programme figures cover the calendar
years the period touches. The crafts register (crafts, workshops, artisans) has no history:
it is counted as it stands when the report is generated, and says so.
"""

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from tsunagu.crafts.selectors import artisan_list, craft_list, workshop_list
from tsunagu.experiences.selectors import bookings_held
from tsunagu.network.models import CreativeCity, ExchangeKind
from tsunagu.network.selectors import exchange_list, kanazawa_get
from tsunagu.programmes.models import Participant
from tsunagu.programmes.selectors import FIGURE_KINDS, figures_by_year
from tsunagu.reports.blocks import register
from tsunagu.reports.blocks.base import Block, BlockContext, both, field_both
from tsunagu.reports.blocks.partnership import as_of_source, figure, period_source

PROGRAMME_FIGURES = {
    "scholarships_awarded": lambda: _("Scholarships awarded"),
    "children_reached": lambda: _("Children reached"),
    "craftsmen_dispatched": lambda: _("Craftsmen dispatched"),
    "residents_hosted": lambda: _("Residents hosted"),
}


def city_name(city: CreativeCity) -> dict[str, str]:
    """A member city's name (UNESCO's English one standing in), with its country code."""
    country = f" ({city.country})" if city.country else ""
    en = city.name_en or city.unesco_name
    return {"ja": f"{city.name_ja or en}{country}", "en": f"{en}{country}"}


def programmes_part(context: BlockContext) -> dict:
    years = range(context.period_start.year, context.period_end.year + 1)
    rows = [row for row in figures_by_year() if row["year"] in years]
    span = str(years[0]) if len(years) == 1 else f"{years[0]}–{years[-1]}"
    source = both(
        lambda: (
            _("%(source)s, %(years)s")
            % {"source": _("Tsunagu programme participants"), "years": span}
        )
    )
    people = both(lambda: pgettext("unit", "people"))
    totals = {key: sum(row[key] for row in rows) for key in FIGURE_KINDS.values()}
    figures = [
        figure(
            f"programmes_{key}",
            both(PROGRAMME_FIGURES[key]),
            totals[key],
            people,
            context.year,
            source,
        )
        for key in FIGURE_KINDS.values()
    ]
    chart = {
        "id": "programme-figures",
        "kind": "hbar",
        "title": both(lambda: _("Talent programmes: people reached (%(years)s)") % {"years": span}),
        "categories": [both(PROGRAMME_FIGURES[key]) for key in FIGURE_KINDS.values()],
        "series": [
            {
                "name": both(lambda: _("People")),
                "values": [totals[key] for key in FIGURE_KINDS.values()],
            }
        ],
        "unit": people,
        "source": source,
    }
    dispatches = {
        "id": "programme-dispatches",
        "caption": both(lambda: _("Craftsmen dispatched to Creative Cities by the programmes")),
        "columns": [
            both(lambda: _("Year")),
            both(lambda: _("Destination city")),
            both(lambda: _("Country")),
            both(lambda: _("Craftsmen dispatched")),
        ],
        "rows": [
            [str(row["year"]), city["city"], city["country"] or "–", city["dispatched"]]
            for row in rows
            for city in row["cities"]
        ],
        "source": source,
    }
    return {
        "figures": figures,
        "charts": [chart],
        "tables": [dispatches],
        "sources": [source],
        "is_demo": Participant.objects.filter(year__in=list(years), is_demo=True).exists(),
    }


def experiences_part(context: BlockContext) -> dict:
    held = bookings_held(date_from=context.period_start, date_to=context.period_end)
    source = period_source(both(lambda: _("Tsunagu craft experience bookings")), context)
    return {
        "figures": [
            figure(
                "experience_bookings",
                both(lambda: _("Craft experience bookings")),
                held["bookings"],
                both(lambda: pgettext("unit", "bookings")),
                context.year,
                source,
            ),
            figure(
                "experience_participants",
                both(lambda: _("Craft experience participants")),
                held["participants"],
                both(lambda: pgettext("unit", "people")),
                context.year,
                source,
            ),
        ],
        "sources": [source],
        "is_demo": held["demo"] > 0,
    }


def network_part(context: BlockContext) -> dict:
    kanazawa = kanazawa_get()
    exchanges = (
        list(
            exchange_list(city=kanazawa)
            .filter(start_date__gte=context.period_start, start_date__lte=context.period_end)
            .order_by("start_date", "pk")
        )
        if kanazawa is not None
        else []
    )
    source = period_source(
        both(lambda: _("Tsunagu record of exchanges in the UNESCO Creative Cities Network")),
        context,
    )
    partners = [e.partner if e.city_id == kanazawa.pk else e.city for e in exchanges]
    unit = both(lambda: pgettext("unit", "exchanges"))
    figures = [
        figure(
            "exchanges_count",
            both(lambda: _("Exchanges with other Creative Cities")),
            len(exchanges),
            unit,
            context.year,
            source,
        ),
        *(
            figure(
                f"exchanges_{kind}",
                both(lambda label=label: _("Exchanges: %(type)s") % {"type": label}),
                sum(e.kind == kind for e in exchanges),
                unit,
                context.year,
                source,
            )
            for kind, label in ExchangeKind.choices
        ),
        figure(
            "exchange_partner_cities",
            both(lambda: _("Creative Cities exchanged with")),
            len({city.pk for city in partners}),
            both(lambda: pgettext("unit", "cities")),
            context.year,
            source,
        ),
    ]
    kinds = {kind: both(lambda label=label: label) for kind, label in ExchangeKind.choices}
    table = {
        "id": "network-exchanges",
        "caption": both(lambda: _("Exchanges and dispatches with other Creative Cities")),
        "columns": [
            both(lambda: _("Start date")),
            both(lambda: _("End date")),
            both(lambda: _("Type")),
            both(lambda: _("Partner city")),
            both(lambda: _("Title")),
            both(lambda: _("Outcomes")),
        ],
        "rows": [
            [
                exchange.start_date.isoformat(),
                exchange.end_date.isoformat() if exchange.end_date else "–",
                kinds[exchange.kind],
                city_name(partner),
                field_both(exchange, "title"),
                field_both(exchange, "outcomes")
                if exchange.outcomes_ja or exchange.outcomes_en
                else "–",
            ]
            for exchange, partner in zip(exchanges, partners, strict=True)
        ],
        "source": source,
    }
    return {
        "figures": figures,
        "tables": [table],
        "sources": [source],
        "is_demo": any(exchange.is_demo for exchange in exchanges),
    }


def register_part() -> dict:
    today = timezone.localdate()
    source = as_of_source(both(lambda: _("Tsunagu crafts register")), today)
    artisans = artisan_list()
    workshops = workshop_list()
    counts = [
        ("crafts", lambda: _("Crafts"), craft_list().count(), "crafts"),
        ("workshops", lambda: _("Craft workshops open to visitors"), workshops.count(), "places"),
        ("artisans", lambda: _("Artisans"), artisans.count(), "people"),
        (
            "certified_craftspeople",
            lambda: _("Certified traditional craftspeople"),
            artisans.filter(is_certified_traditional_craftsperson=True).count(),
            "people",
        ),
    ]
    units = {
        "crafts": lambda: pgettext("unit", "crafts"),
        "places": lambda: pgettext("unit", "places"),
        "people": lambda: pgettext("unit", "people"),
    }
    return {
        "figures": [
            figure(key, both(label), value, both(units[unit]), today.year, source)
            for key, label, value, unit in counts
        ],
        "sources": [source],
        "is_demo": workshops.filter(is_demo=True).exists()
        or artisans.filter(is_demo=True).exists(),
    }


@register
class CraftsNetworkBlock(Block):
    name = "crafts_network"
    title = gettext_lazy("Crafts and the Creative Cities Network")
    template = "reports/blocks/crafts_network.html"

    def collect(self, context: BlockContext) -> dict:
        parts = [
            programmes_part(context),
            experiences_part(context),
            network_part(context),
            register_part(),
        ]
        return {
            "year": context.year,
            "is_demo": any(part["is_demo"] for part in parts),
            "figures": [f for part in parts for f in part["figures"]],
            "charts": [c for part in parts for c in part.get("charts", [])],
            "tables": [t for part in parts for t in part.get("tables", [])],
            "sources": [s for part in parts for s in part["sources"]],
        }
