"""The observation map page: MapLibre clusters with filters, and a text summary of the view."""

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from tsunagu.core.cache import cached_for_anonymous
from tsunagu.core.models import Area, PublicationStatus
from tsunagu.nature.caching import CACHE_DOMAIN, CAMPAIGNS_CACHE_DOMAIN
from tsunagu.nature.models import Campaign, QualityGrade
from tsunagu.nature.selectors.map import MapQueryError, map_clusters, map_query_parse

FILTERS = ("taxon", "grade", "campaign", "date_from", "date_to")
# Kanazawa city at zoom 11: the view the page opens on (and counts without JavaScript).
KANAZAWA_BBOX = "136.5,36.45,136.85,36.7"
KANAZAWA_ZOOM = 11
LISTED_SINGLES = 50
ISHIKAWA_PREFIX = "17"


def _ishikawa_outlines() -> dict:
    """Ishikawa's municipal boundaries as the map's only background (no external tiles)."""
    outlines = cache.get("nature:map:outlines")
    if outlines is None:
        areas = Area.objects.filter(
            kind="municipality", code__startswith=ISHIKAWA_PREFIX, geometry__isnull=False
        ).only("code", "geometry")
        outlines = {
            "type": "FeatureCollection",
            "features": [
                {"type": "Feature", "geometry": a.geometry, "properties": {"code": a.code}}
                for a in areas
            ],
        }
        cache.set("nature:map:outlines", outlines, 60 * 60)
    return outlines


@cached_for_anonymous(CACHE_DOMAIN, CAMPAIGNS_CACHE_DOMAIN)
def observation_map(request: HttpRequest) -> HttpResponse:
    filters = {name: request.GET.get(name, "").strip() for name in FILTERS}
    result, error = None, None
    try:
        query = map_query_parse(
            bbox=request.GET.get("bbox") or KANAZAWA_BBOX,
            zoom=request.GET.get("zoom") or KANAZAWA_ZOOM,
            **filters,
        )
        result = map_clusters(query)
    except MapQueryError as exc:
        error = str(exc)
    observation_url = reverse("nature:map").removesuffix("map/") + "observations/"
    singles = result.singles if result else []
    return render(
        request,
        "nature/map/map.html",
        {
            "filters": filters,
            "taxon": result.query.taxon if result else None,
            "result": result,
            "error": error,
            "singles": singles[:LISTED_SINGLES],
            "more_singles": max(0, len(singles) - LISTED_SINGLES),
            "grades": QualityGrade.choices,
            "campaigns": Campaign.objects.filter(publication=PublicationStatus.PUBLISHED),
            "observation_url": observation_url,
            "outlines": _ishikawa_outlines(),
            "center": [136.6562, 36.5613],
            "strings": {
                "summary": _(
                    "Observations in view: %(total)s, shown as %(clusters)s points or groups."
                ),
                "generalised": _("location generalised"),
                "unidentified": _("Unidentified"),
                "date_unknown": _("date unknown"),
                "open": _("Open the observation"),
                "error": _("The map data could not be loaded."),
                "observations": pgettext("nature", "observations"),
            },
        },
        status=400 if error else 200,
    )
