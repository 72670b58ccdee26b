"""Network pages: the world map with its table, a city's page, Kanazawa's figures, the
annual meetings and the downloads. Reads come from selectors.py."""

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from tsunagu.core.cache import cached_for_anonymous
from tsunagu.network import selectors
from tsunagu.network.apps import CACHE_DOMAIN
from tsunagu.network.exporters import creative_cities_csv, creative_city_record
from tsunagu.network.models import CreativeCity, CreativeField, ExchangeKind

# One colour per creative field, shared by the map's points and the legend under it.
FIELD_COLOURS = {
    CreativeField.CRAFTS_AND_FOLK_ART: "#c0392b",
    CreativeField.DESIGN: "#2471a3",
    CreativeField.FILM: "#7d3c98",
    CreativeField.GASTRONOMY: "#d68910",
    CreativeField.LITERATURE: "#117a65",
    CreativeField.MEDIA_ARTS: "#17a589",
    CreativeField.MUSIC: "#e67e22",
    CreativeField.ARCHITECTURE: "#5d6d7e",
}


def _filters(request: HttpRequest) -> dict[str, str]:
    field = request.GET.get("field", "")
    country = request.GET.get("country", "").strip()[:2].upper()
    return {"field": field if field in CreativeField.values else "", "country": country}


def _map_point(city: CreativeCity) -> dict:
    return {
        "slug": city.slug,
        "name": str(city),
        "field": city.field,
        "field_label": city.get_field_display(),
        "lon": city.longitude,
        "lat": city.latitude,
    }


@cached_for_anonymous(CACHE_DOMAIN)
def network_map(request: HttpRequest) -> HttpResponse:
    filters = _filters(request)
    cities = list(selectors.creative_city_list(**filters))
    all_cities = list(selectors.creative_city_list(country=filters["country"]))
    lines = selectors.kanazawa_exchange_lines()
    context = {
        "cities": cities,
        "table_cities": all_cities,
        "filters": filters,
        "fields": CreativeField.choices,
        "legend": [(label, FIELD_COLOURS[value]) for value, label in CreativeField.choices],
        "colours": {str(value): colour for value, colour in FIELD_COLOURS.items()},
        "field_counts": selectors.field_counts(),
        "mapped": sum(c.has_coordinates for c in cities),
        "points": [_map_point(c) for c in all_cities if c.has_coordinates],
        "lines": lines,
        "kanazawa": selectors.kanazawa_get(),
        "strings": {
            "count": _("Cities shown: %(shown)s (on the map: %(mapped)s)"),
            "exchanges": _("exchanges"),
        },
    }
    return render(request, "network/map.html", context)


@cached_for_anonymous(CACHE_DOMAIN)
def city_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        city = selectors.creative_city_get(slug=slug)
    except CreativeCity.DoesNotExist:
        raise Http404 from None
    exchanges = selectors.exchange_list(city=city)
    return render(request, "network/city_detail.html", {"city": city, "exchanges": exchanges})


@cached_for_anonymous(CACHE_DOMAIN)
def kanazawa_figures(request: HttpRequest) -> HttpResponse:
    figures = selectors.kanazawa_figures()
    chart = {
        "years": [str(y) for y in figures["years"]],
        "series": [{"name": k, "data": v} for k, v in figures["by_kind"].items()],
        "cities": figures["cities_per_year"],
        "cities_label": _("Cities reached that year"),
    }
    return render(
        request,
        "network/kanazawa_figures.html",
        {
            "figures": figures,
            "chart": chart,
            "kinds": ExchangeKind.labels,
            "kanazawa": selectors.kanazawa_get(),
        },
    )


@cached_for_anonymous(CACHE_DOMAIN)
def meeting_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "network/meeting_list.html", {"meetings": selectors.annual_meeting_list()}
    )


def cities_csv(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(
        creative_cities_csv(selectors.creative_city_list(**_filters(request))),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="creative-cities.csv"'
    return response


def cities_json(request: HttpRequest) -> JsonResponse:
    cities = selectors.creative_city_list(**_filters(request))
    return JsonResponse(
        {
            "source": "UNESCO Creative Cities Network (unesco.org); country, year and "
            "coordinates compiled by Tsunagu with a source per city",
            "count": cities.count(),
            "cities": [creative_city_record(c) for c in cities],
        },
        json_dumps_params={"ensure_ascii": False},
    )
