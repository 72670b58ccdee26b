"""Reads of the network app: cities by field and country, exchanges, meetings and Kanazawa's
figures per year."""

from collections import defaultdict

from django.db.models import Q, QuerySet

from tsunagu.network.models import (
    KANAZAWA,
    AnnualMeeting,
    CreativeCity,
    CreativeField,
    Exchange,
    ExchangeKind,
)


def creative_city_list(*, field: str = "", country: str = "") -> QuerySet[CreativeCity]:
    cities = CreativeCity.objects.all()
    if field:
        cities = cities.filter(field=field)
    if country:
        cities = cities.filter(country=country.upper())
    return cities


def creative_city_get(*, slug: str) -> CreativeCity:
    return CreativeCity.objects.get(slug=slug)


def kanazawa_get() -> CreativeCity | None:
    return CreativeCity.objects.filter(unesco_name=KANAZAWA).first()


def exchange_list(*, city: CreativeCity | None = None, kind: str = "") -> QuerySet[Exchange]:
    exchanges = Exchange.objects.select_related("city", "partner")
    if city is not None:
        exchanges = exchanges.filter(Q(city=city) | Q(partner=city))
    if kind:
        exchanges = exchanges.filter(kind=kind)
    return exchanges


def annual_meeting_list() -> QuerySet[AnnualMeeting]:
    return AnnualMeeting.objects.select_related("host_city")


def field_counts() -> dict[str, int]:
    counts = dict.fromkeys(CreativeField.values, 0)
    for field in CreativeCity.objects.values_list("field", flat=True):
        counts[field] += 1
    return counts


def kanazawa_exchange_lines() -> list[dict]:
    """One line per partner city with coordinates, from Kanazawa, with the exchange count."""
    kanazawa = kanazawa_get()
    if kanazawa is None or not kanazawa.has_coordinates:
        return []
    partners: dict[int, dict] = {}
    for exchange in exchange_list(city=kanazawa):
        other = exchange.partner if exchange.city_id == kanazawa.pk else exchange.city
        if not other.has_coordinates:
            continue
        line = partners.setdefault(
            other.pk,
            {
                "slug": other.slug,
                "name": str(other),
                "from": [kanazawa.longitude, kanazawa.latitude],
                "to": [other.longitude, other.latitude],
                "exchanges": 0,
            },
        )
        line["exchanges"] += 1
    return list(partners.values())


def kanazawa_figures() -> dict:
    """Kanazawa's exchanges per year and type, and the cities reached each year and in all."""
    kanazawa = kanazawa_get()
    if kanazawa is None:
        return {"years": [], "kinds": [], "by_kind": {}, "cities_per_year": [], "rows": []}
    per_year_kind: dict[int, dict[str, int]] = defaultdict(
        lambda: dict.fromkeys(ExchangeKind.values, 0)
    )
    cities_per_year: dict[int, set[int]] = defaultdict(set)
    reached: set[int] = set()
    cumulative: dict[int, int] = {}
    exchanges = sorted(exchange_list(city=kanazawa), key=lambda e: e.start_date)
    for exchange in exchanges:
        other = exchange.partner_id if exchange.city_id == kanazawa.pk else exchange.city_id
        per_year_kind[exchange.year][exchange.kind] += 1
        cities_per_year[exchange.year].add(other)
    years = sorted(per_year_kind)
    rows = []
    for year in years:
        reached |= cities_per_year[year]
        cumulative[year] = len(reached)
        rows.append(
            {
                "year": year,
                "by_kind": [per_year_kind[year][kind] for kind in ExchangeKind.values],
                "total": sum(per_year_kind[year].values()),
                "cities": len(cities_per_year[year]),
                "cities_total": cumulative[year],
                "demo": any(e.is_demo for e in exchanges if e.year == year),
            }
        )
    return {
        "years": years,
        "kinds": [str(label) for label in ExchangeKind.labels],
        "by_kind": {
            str(label): [per_year_kind[y][value] for y in years]
            for value, label in ExchangeKind.choices
        },
        "cities_per_year": [len(cities_per_year[y]) for y in years],
        "cities_total": [cumulative[y] for y in years],
        "rows": rows,
    }
