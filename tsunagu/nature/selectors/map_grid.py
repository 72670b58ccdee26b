"""The observation map's grid: Web Mercator cells of 64 px at the map's zoom (256 px tiles).

A cell of level L is one of 2**L × 2**L squares covering the Mercator world; a 64 px cell at
zoom z is level z + 2. Levels are powers of two so each cell splits exactly into four of the
next level, which lets coarser MapCell levels be summed from finer ones (x // 2, y // 2).

The same formula exists twice, in Python (signals, bbox maths) and as a database expression
(rebuild, raw clustering); both do the same float operations in the same order.
"""

import math

from django.db.models import F, FloatField, IntegerField, Value
from django.db.models.functions import Cast, Floor, Greatest, Least, Ln, Tan

LEVEL_OFFSET = 2  # log2(256 px tile / 64 px cell)
MAX_ZOOM = 22
MAX_MERCATOR_LATITUDE = 85.05112878
# Zooms 0..14 read the MapCell aggregate (levels 2..16, the finest about 490 m wide at
# Kanazawa); closer views cover a few km² and group the raw rows instead.
MAP_CELL_MAX_ZOOM = 14
MAP_CELL_LEVELS = range(LEVEL_OFFSET, MAP_CELL_MAX_ZOOM + LEVEL_OFFSET + 1)
FINEST_LEVEL = MAP_CELL_LEVELS[-1]


def level_for_zoom(zoom: int) -> int:
    return zoom + LEVEL_OFFSET


def _clamp(value: float, low: float, high: float) -> float:
    return min(max(value, low), high)


def cell_x(longitude: float, level: int) -> int:
    n = 2**level
    return int(_clamp(math.floor((longitude + 180.0) * (n / 360.0)), 0, n - 1))


def cell_y(latitude: float, level: int) -> int:
    n = 2**level
    lat = _clamp(latitude, -MAX_MERCATOR_LATITUDE, MAX_MERCATOR_LATITUDE)
    mercator = math.log(math.tan(lat * (math.pi / 360.0) + math.pi / 4.0))
    return int(_clamp(math.floor((1.0 - mercator / math.pi) * (n / 2.0)), 0, n - 1))


def cell_of(latitude: float, longitude: float, level: int) -> tuple[int, int]:
    return cell_x(longitude, level), cell_y(latitude, level)


def cell_west(x: int, level: int) -> float:
    """Longitude of the cell's west edge (x + 1 gives its east edge)."""
    return x / 2**level * 360.0 - 180.0


def cell_north(y: int, level: int) -> float:
    """Latitude of the cell's north edge (y + 1 gives its south edge)."""
    return math.degrees(math.atan(math.sinh(math.pi * (1.0 - 2.0 * y / 2**level))))


def cell_x_expression(level: int, field: str = "public_longitude") -> Cast:
    n = 2**level
    x = Floor((F(field) + Value(180.0)) * Value(n / 360.0))
    return Cast(Least(Greatest(x, Value(0.0)), Value(float(n - 1))), IntegerField())


def cell_y_expression(level: int, field: str = "public_latitude") -> Cast:
    n = 2**level
    lat = Least(
        Greatest(F(field), Value(-MAX_MERCATOR_LATITUDE)),
        Value(MAX_MERCATOR_LATITUDE),
        output_field=FloatField(),
    )
    mercator = Ln(Tan(lat * Value(math.pi / 360.0) + Value(math.pi / 4.0)))
    y = Floor((Value(1.0) - mercator / Value(math.pi)) * Value(n / 2.0))
    return Cast(Least(Greatest(y, Value(0.0)), Value(float(n - 1))), IntegerField())
