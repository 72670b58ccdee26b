"""The cluster endpoint: validation, filters, clusters of one, and the MapCell fast path
counting the same as grouping the raw observations."""

import datetime

import pytest
from django.test import Client

from tsunagu.core.models import PublicationStatus
from tsunagu.nature import signals_map  # noqa: F401  (MapCell follows the saves below)
from tsunagu.nature.models import QualityGrade
from tsunagu.nature.selectors.map import map_clusters, map_query_parse
from tsunagu.nature.services.map_cells import map_cells_rebuild
from tsunagu.nature.tests.factories_map import campaign_make, observation_make, taxon_make

pytestmark = pytest.mark.django_db
URL = "/api/v1/nature/map/clusters"
CITY = "136.5,36.45,136.85,36.7"
PREFECTURE = "136.2,36.0,137.4,37.6"


def clusters(client: Client | None = None, **params) -> dict:
    params.setdefault("bbox", CITY)
    params.setdefault("zoom", 11)
    response = (client or Client()).get(URL, params)
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/geo+json"
    return response.json()


@pytest.fixture
def tree():
    # Invented names: the seeded taxa must not collide with these.
    insects = taxon_make("Mapinsecta", rank="class")
    fireflies = taxon_make("Maplampyridae", rank="family", parent=insects)
    genji = taxon_make("Luciola mapcruciata", parent=fireflies, common_name="ゲンジボタル")
    heike = taxon_make("Aquatica maplateralis", parent=fireflies, common_name="ヘイケボタル")
    dragonfly = taxon_make("Sympetrum mapfrequens", parent=insects)
    return {
        "insects": insects,
        "fireflies": fireflies,
        "genji": genji,
        "heike": heike,
        "dragonfly": dragonfly,
    }


@pytest.fixture
def scene(tree):
    """Observations around Kanazawa and one on Noto, of several taxa, grades and years."""
    campaign = campaign_make("kikugawa-fireflies")
    make = observation_make
    make(latitude=36.55, longitude=136.66, taxon=tree["genji"], campaign=campaign)
    make(
        latitude=36.5505,
        longitude=136.6605,
        taxon=tree["genji"],
        campaign=campaign,
        observed_on=datetime.date(2023, 6, 20),
    )
    make(
        latitude=36.551,
        longitude=136.661,
        taxon=tree["heike"],
        grade=QualityGrade.NEEDS_ID,
        observed_on=datetime.date(2024, 7, 2),
    )
    # the community moved this one from a dragonfly to a Genji firefly
    make(latitude=36.6, longitude=136.7, taxon=tree["dragonfly"], community_taxon=tree["genji"])
    make(
        latitude=36.62,
        longitude=136.55,
        taxon=tree["dragonfly"],
        grade=QualityGrade.CASUAL,
        observed_on=datetime.date(2022, 12, 31),
    )
    make(latitude=36.5, longitude=136.8, observed_on=None, grade=QualityGrade.CASUAL)
    make(latitude=37.3, longitude=136.9, taxon=tree["heike"])  # Noto: outside the city view
    make(latitude=36.58, longitude=136.64, taxon=tree["genji"], is_hidden=True)
    return {"campaign": campaign, **tree}


def test_city_view_counts_visible_observations_only(scene):
    data = clusters()
    assert data["type"] == "FeatureCollection"
    assert data["total"] == 6
    assert sum(f["properties"]["count"] for f in data["features"]) == 6
    assert data["source"] == "cells"
    assert clusters(bbox=PREFECTURE, zoom=8)["total"] == 7


def test_nearby_points_group_at_low_zoom_and_split_when_zoomed_in(scene):
    near = "136.65,36.54,136.67,36.56"
    assert [f["properties"]["count"] for f in clusters(bbox=near, zoom=10)["features"]] == [3]
    close = clusters(bbox=near, zoom=17)
    assert close["source"] == "observations"
    assert sorted(f["properties"]["count"] for f in close["features"]) == [1, 1, 1]


def test_cluster_sits_at_the_mean_of_public_points(scene):
    (feature,) = clusters(bbox="136.65,36.54,136.67,36.56", zoom=10)["features"]
    lon, lat = feature["geometry"]["coordinates"]
    assert lat == pytest.approx((36.55 + 36.5505 + 36.551) / 3, abs=1e-6)
    assert lon == pytest.approx((136.66 + 136.6605 + 136.661) / 3, abs=1e-6)


@pytest.mark.parametrize("zoom", [11, 16])  # one answer from MapCell, one from the raw rows
def test_single_point_carries_the_observation(scene, zoom):
    data = clusters(bbox="136.79,36.49,136.81,36.51", zoom=zoom, grade="casual")
    (feature,) = data["features"]
    p = feature["properties"]
    assert p["count"] == 1
    assert p["grade"] == "casual"
    assert p["observed_on"] is None
    assert p["generalised"] is False
    assert p["url"] == f"/nature/observations/{p['uuid']}/"
    assert feature["geometry"]["coordinates"] == [136.8, 36.5]


def test_taxon_filter_takes_the_taxon_and_below_by_community_taxon_first(scene):
    ids = {name: scene[name].pk for name in ("insects", "fireflies", "genji", "heike", "dragonfly")}
    assert clusters(taxon=ids["insects"])["total"] == 5
    assert clusters(taxon=ids["fireflies"])["total"] == 4
    assert (
        clusters(taxon=ids["genji"])["total"] == 3
    )  # incl. the one re-identified by the community
    assert clusters(taxon=ids["dragonfly"])["total"] == 1
    data = clusters(taxon=ids["heike"], zoom=18, bbox="136.66,36.55,136.662,36.552")
    assert data["source"] == "observations"
    (feature,) = data["features"]
    assert feature["properties"]["taxon"] == "ヘイケボタル (Aquatica maplateralis)"


def test_grade_campaign_and_date_filters(scene):
    assert clusters(grade="research")["total"] == 3
    assert clusters(grade="casual,needs_id")["total"] == 3
    assert clusters(campaign="kikugawa-fireflies")["total"] == 2
    # whole years use MapCell; a day range groups the raw rows
    by_year = clusters(date_from="2024-01-01", date_to="2024-12-31")
    assert (by_year["total"], by_year["source"]) == (3, "cells")
    summer = clusters(date_from="2023-06-01", date_to="2024-06-30")
    assert (summer["total"], summer["source"]) == (3, "observations")
    assert clusters(date_to="2022-12-31")["total"] == 1
    assert clusters(date_from="2025-01-01")["total"] == 0


def test_unpublished_campaign_is_refused(scene):
    campaign_make("draft", publication=PublicationStatus.DRAFT)
    response = Client().get(URL, {"bbox": CITY, "zoom": 11, "campaign": "draft"})
    assert response.status_code == 422
    assert "draft" in response.json()["detail"]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"zoom": 11}, "bbox is required"),
        ({"bbox": "136.5,36.45,136.85", "zoom": 11}, "four numbers"),
        ({"bbox": "136.5,36.45,east,36.7", "zoom": 11}, "east must be a number"),
        ({"bbox": "136.85,36.45,136.5,36.7", "zoom": 11}, "west must be less than east"),
        ({"bbox": "136.5,36.7,136.85,36.45", "zoom": 11}, "south must be less than north"),
        ({"bbox": "136.5,36.45,200,36.7", "zoom": 11}, "longitudes must be between"),
        ({"bbox": "136.5,-91,136.85,36.7", "zoom": 11}, "latitudes must be between"),
        ({"bbox": "136.5,36.45,nan,36.7", "zoom": 11}, "finite"),
        ({"bbox": CITY}, "zoom is required"),
        ({"bbox": CITY, "zoom": 23}, "zoom must be from 0 to 22"),
        ({"bbox": CITY, "zoom": -1}, "zoom must be from 0 to 22"),
        ({"bbox": CITY, "zoom": "11.5"}, "whole number"),
        ({"bbox": CITY, "zoom": 11, "grade": "excellent"}, "Unknown quality grade"),
        ({"bbox": CITY, "zoom": 11, "taxon": "999999"}, "No taxon"),
        ({"bbox": CITY, "zoom": 11, "taxon": "firefly"}, "No taxon"),
        ({"bbox": CITY, "zoom": 11, "campaign": "nope"}, "No published campaign"),
        ({"bbox": CITY, "zoom": 11, "date_from": "2024-13-01"}, "YYYY-MM-DD"),
        (
            {"bbox": CITY, "zoom": 11, "date_from": "2024-05-01", "date_to": "2024-04-01"},
            "must not be after",
        ),
    ],
)
def test_bad_parameters_get_a_clear_422(params, message):
    response = Client().get(URL, params, headers={"accept-language": "en"})
    assert response.status_code == 422
    assert message in response.json()["detail"]


VIEWS = [
    (CITY, 11),
    (CITY, 12),
    (PREFECTURE, 8),
    ("120,20,150,46", 4),
    ("-180,-85,180,85", 0),
    ("136.64,36.53,136.68,36.57", 14),
]


@pytest.mark.parametrize(("bbox", "zoom"), VIEWS)
@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"grade": "research"},
        {"grade": "casual,needs_id"},
        {"date_from": "2023-01-01", "date_to": "2024-12-31"},
    ],
)
def test_fast_path_equals_raw_grouping(scene, bbox, zoom, filters):
    map_cells_rebuild()
    query = map_query_parse(bbox=bbox, zoom=zoom, **filters)
    assert query.uses_map_cells
    fast = map_clusters(query)
    slow = map_clusters(query, from_cells=False)
    assert (fast.source, slow.source) == ("cells", "observations")
    assert fast.total > 0

    def shape(result):
        return sorted(
            (c.cell_x, c.cell_y, c.count, round(c.latitude, 6), round(c.longitude, 6))
            for c in result.clusters
        )

    assert shape(fast) == shape(slow)
    assert {o.uuid for o in fast.singles} == {o.uuid for o in slow.singles}


def test_taxon_filter_adds_up_both_taxon_columns_in_one_cell(tree):
    # One counted by the community's taxon, one by the observer's (no community taxon yet):
    # grouped separately in the database, one cluster on the map.
    observation_make(
        latitude=36.55, longitude=136.66, taxon=tree["dragonfly"], community_taxon=tree["genji"]
    )
    observation_make(latitude=36.5502, longitude=136.6602, taxon=tree["genji"])
    observation_make(latitude=36.5504, longitude=136.6604, taxon=tree["heike"])
    data = clusters(taxon=tree["genji"].pk, bbox="136.65,36.54,136.67,36.56", zoom=12)
    assert data["source"] == "observations"
    (feature,) = data["features"]
    assert feature["properties"]["count"] == 2
    lon, lat = feature["geometry"]["coordinates"]
    assert (lat, lon) == (pytest.approx(36.5501), pytest.approx(136.6601))
