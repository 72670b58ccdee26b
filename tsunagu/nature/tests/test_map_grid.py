"""Grid maths of the observation map: tile cells, nesting, and Python == database."""

# ruff: noqa: S311  (random test points, not cryptography)

import math
import random

import pytest

from tsunagu.nature.models import Observation
from tsunagu.nature.selectors.map_grid import (
    MAP_CELL_LEVELS,
    cell_north,
    cell_of,
    cell_west,
    cell_x_expression,
    cell_y_expression,
    level_for_zoom,
)
from tsunagu.nature.tests.factories_map import observation_make


def test_level_is_zoom_plus_two_for_64_px_cells():
    # 256 px tiles cut into 4 × 4 cells of 64 px.
    assert level_for_zoom(0) == 2
    assert level_for_zoom(12) == 14


def test_known_cells():
    assert cell_of(0.0, -180.0, 2) == (0, 2)  # the equator is the top of the southern half
    assert cell_of(0.0, 180.0, 2) == (3, 2)  # the east edge belongs to the last column
    assert cell_of(89.9, 0.0, 3) == (4, 0)  # beyond Mercator's range: clamped to the top row
    assert cell_of(-89.9, 0.0, 3) == (4, 7)
    # Kanazawa station at zoom 12 (level 14) lies in slippy-map tile (3602, 1600), by the
    # OpenStreetMap wiki's formula (ln(tan + sec)), each tile holding 4 × 4 cells.
    lat, lon = 36.5781, 136.6480
    rad = math.radians(lat)
    tile_y = math.floor((1 - math.log(math.tan(rad) + 1 / math.cos(rad)) / math.pi) / 2 * 4096)
    tile_x = math.floor((lon + 180) / 360 * 4096)
    assert (tile_x, tile_y) == (3602, 1600)
    x, y = cell_of(lat, lon, 14)
    assert (x // 4, y // 4) == (tile_x, tile_y)


def test_cells_nest_and_contain_their_points():
    rng = random.Random(5)
    for _ in range(500):
        lat, lon = rng.uniform(-80, 80), rng.uniform(-179.9, 179.9)
        for level in (3, 10, 16, 24):
            x, y = cell_of(lat, lon, level)
            assert cell_of(lat, lon, level - 1) == (x // 2, y // 2)
            assert cell_west(x, level) <= lon < cell_west(x + 1, level)
            assert cell_north(y + 1, level) < lat <= cell_north(y, level) + 1e-9


@pytest.mark.django_db
def test_database_expression_matches_python():
    rng = random.Random(11)
    points = [(rng.uniform(34, 38), rng.uniform(135, 138)) for _ in range(60)]
    points += [(0.0, 0.0), (-33.9, 151.2), (85.2, -179.99)]
    for lat, lon in points:
        observation_make(latitude=lat, longitude=lon)
    for level in (MAP_CELL_LEVELS[0], 9, MAP_CELL_LEVELS[-1], 22):
        rows = Observation.objects.annotate(
            cx=cell_x_expression(level), cy=cell_y_expression(level)
        ).values_list("public_latitude", "public_longitude", "cx", "cy")
        for lat, lon, cx, cy in rows:
            assert (cx, cy) == cell_of(lat, lon, level), (lat, lon, level)


def test_cell_edges_are_mercator():
    assert cell_north(0, 0) == pytest.approx(85.0511287798)
    assert cell_north(1, 1) == pytest.approx(0.0, abs=1e-9)
    assert cell_west(1, 1) == 0.0
    assert math.isclose(cell_west(3, 2), 90.0)
