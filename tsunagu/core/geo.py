"""Small pure GeoJSON helpers (no GIS dependency needed for boundaries and centroids)."""

import itertools
from collections.abc import Iterable

Ring = list[list[float]]


def _ring_area_centroid(ring: Ring) -> tuple[float, float, float]:
    """Signed area and centroid of a closed ring (shoelace formula, planar lon/lat)."""
    area = cx = cy = 0.0
    for (x0, y0), (x1, y1) in itertools.pairwise(ring):
        cross = x0 * y1 - x1 * y0
        area += cross
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    area /= 2
    if area == 0:
        xs = [p[0] for p in ring]
        ys = [p[1] for p in ring]
        return 0.0, sum(xs) / len(xs), sum(ys) / len(ys)
    return area, cx / (6 * area), cy / (6 * area)


def _is_position(position: object) -> bool:
    """[longitude, latitude] (an altitude may follow) in degrees."""
    if not isinstance(position, list) or len(position) < 2:
        return False
    if not all(isinstance(n, int | float) and not isinstance(n, bool) for n in position):
        return False
    return -180 <= position[0] <= 180 and -90 <= position[1] <= 90


def _is_ring(ring: object) -> bool:
    """A closed GeoJSON ring has at least four positions."""
    return isinstance(ring, list) and len(ring) >= 4 and all(_is_position(p) for p in ring)


def is_polygonal(geometry: object) -> bool:
    """A GeoJSON Polygon or MultiPolygon these helpers can read."""
    if not isinstance(geometry, dict):
        return False
    coordinates = geometry.get("coordinates")
    if geometry.get("type") == "Polygon":
        polygons = [coordinates]
    elif geometry.get("type") == "MultiPolygon" and isinstance(coordinates, list):
        polygons = coordinates
    else:
        return False
    return bool(polygons) and all(
        isinstance(polygon, list) and polygon and all(_is_ring(ring) for ring in polygon)
        for polygon in polygons
    )


def polygons_of(geometry: dict) -> list[list[Ring]]:
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return list(geometry["coordinates"])
    raise ValueError(f"unsupported geometry type: {geometry['type']}")


def merge_geometries(geometries: Iterable[dict]) -> dict:
    """Several (Multi)Polygons of one area -> one MultiPolygon (or the Polygon if single)."""
    polygons = [p for g in geometries for p in polygons_of(g)]
    if len(polygons) == 1:
        return {"type": "Polygon", "coordinates": polygons[0]}
    return {"type": "MultiPolygon", "coordinates": polygons}


def centroid(geometry: dict) -> tuple[float, float]:
    """Area-weighted centroid (lon, lat) of the outer rings."""
    total = sx = sy = 0.0
    for polygon in polygons_of(geometry):
        area, cx, cy = _ring_area_centroid(polygon[0])
        weight = abs(area)
        total += weight
        sx += cx * weight
        sy += cy * weight
    if total == 0:
        first = polygons_of(geometry)[0][0][0]
        return first[0], first[1]
    return sx / total, sy / total
