"""A sensitive observation's true coordinates never reach the map: not in any cluster, at
any zoom, through MapCell or the raw grouping, nor on the page."""

import pytest
from django.test import Client

from tsunagu.nature import signals_map  # noqa: F401
from tsunagu.nature.selectors.map_grid import MAX_ZOOM
from tsunagu.nature.services.map_cells import map_cells_rebuild
from tsunagu.nature.tests.factories_map import campaign_make, observation_make, taxon_make

pytestmark = pytest.mark.django_db
TRUE = (36.571234, 136.648765)
PUBLIC = (36.512345, 136.745678)  # a random point of the same 0.2° cell


def true_coordinate_strings() -> list[str]:
    # The exact values and every shorter rounding a response could print.
    strings = []
    for value in TRUE:
        for digits in range(3, 7):
            strings.append(f"{value:.{digits}f}")
    return strings


@pytest.fixture
def sensitive():
    taxon = taxon_make("Maphotaru secreta", is_sensitive=True)
    campaign = campaign_make("secret-survey")
    observation = observation_make(
        latitude=TRUE[0], longitude=TRUE[1], public=PUBLIC, taxon=taxon, campaign=campaign
    )
    map_cells_rebuild()
    return observation


def assert_no_true_coordinates(text: str) -> None:
    for needle in true_coordinate_strings():
        assert needle not in text, needle


@pytest.mark.parametrize("zoom", range(MAX_ZOOM + 1))
@pytest.mark.parametrize("extra", [{}, {"campaign": "secret-survey"}, {"grade": "research"}])
def test_clusters_never_show_true_coordinates(sensitive, zoom, extra):
    for bbox in ("136.0,36.0,137.5,37.5", "136.74,36.51,136.75,36.52", "136.64,36.57,136.65,36.58"):
        response = Client().get(
            "/api/v1/nature/map/clusters", {"bbox": bbox, "zoom": zoom, **extra}
        )
        assert response.status_code == 200
        assert_no_true_coordinates(response.content.decode())
        for feature in response.json()["features"]:
            if feature["properties"]["count"] == 1:
                assert feature["geometry"]["coordinates"] == [PUBLIC[1], PUBLIC[0]]
                assert feature["properties"]["generalised"] is True


def test_the_true_location_is_an_empty_place_on_the_map(sensitive):
    around_true = "136.6485,36.5710,136.6490,36.5715"
    for zoom in (10, 14, 18, 22):
        data = Client().get("/api/v1/nature/map/clusters", {"bbox": around_true, "zoom": zoom})
        assert data.json()["total"] == 0


@pytest.mark.parametrize("language", ["", "/en"])
def test_page_never_shows_true_coordinates(sensitive, language):
    response = Client().get(
        f"{language}/nature/map/", {"bbox": "136.74,36.51,136.75,36.52", "zoom": 20}
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert str(sensitive.uuid) in text  # listed as a single observation…
    assert_no_true_coordinates(text)  # …without where it really is
