"""GET /api/v1/nature/map/clusters: the observation map's clusters as GeoJSON."""

from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from ninja import Router
from ninja.errors import HttpError

from tsunagu.core.api_common import ApiErrorOut
from tsunagu.nature.models import QualityGrade
from tsunagu.nature.selectors.map import (
    Cluster,
    ClusterResult,
    MapQueryError,
    map_clusters,
    map_query_parse,
)

router = Router(tags=["nature"])


def cluster_properties(cluster: Cluster, *, observation_url: str) -> dict:
    properties: dict = {"count": cluster.count}
    observation = cluster.observation
    if observation is not None:
        taxon = observation.community_taxon or observation.taxon
        properties |= {
            "uuid": str(observation.uuid),
            "taxon": str(taxon) if taxon else None,
            "scientific_name": taxon.scientific_name if taxon else None,
            "observed_on": timezone.localdate(observation.observed_at).isoformat()
            if observation.observed_at
            else None,
            "grade": observation.quality_grade,
            "grade_label": str(QualityGrade(observation.quality_grade).label),
            "generalised": observation.location_generalised,
            "url": observation_url.format(uuid=observation.uuid),
        }
    return properties


def clusters_geojson(result: ClusterResult, *, observation_url: str) -> dict:
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "geometry": {
                    "type": "Point",
                    "coordinates": [round(c.longitude, 6), round(c.latitude, 6)],
                },
                "properties": cluster_properties(c, observation_url=observation_url),
            }
            for c in result.clusters
        ],
        "total": result.total,
        "clusters": len(result.clusters),
        "zoom": result.query.zoom,
        "source": result.source,
    }


@router.get("/map/clusters", response={200: None, 422: ApiErrorOut})
def map_cluster_list(
    request: HttpRequest,
    bbox: str | None = None,
    zoom: str | None = None,
    taxon: str | None = None,
    grade: str | None = None,
    campaign: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
):
    """Visible observations in `bbox` (west,south,east,north) grouped into 64 px grid cells
    at `zoom` (256 px tiles, 0–22): each cluster sits at the mean of its members' public
    coordinates; a cluster of one carries the observation's uuid, taxon, date, grade and
    whether its location is generalised. Filters: `taxon` (id, the taxon or below), `grade`
    (comma-separated), `campaign` (slug), `date_from`/`date_to` (YYYY-MM-DD)."""
    try:
        query = map_query_parse(
            bbox=bbox,
            zoom=zoom,
            taxon=taxon,
            grade=grade,
            campaign=campaign,
            date_from=date_from,
            date_to=date_to,
        )
    except MapQueryError as error:
        raise HttpError(422, str(error)) from None
    result = map_clusters(query)
    return JsonResponse(
        clusters_geojson(result, observation_url="/nature/observations/{uuid}/"),
        content_type="application/geo+json",
    )
