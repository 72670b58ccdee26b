"""Upkeep of the MapCell aggregate: public observations counted per cell, grade and year.

`map_cells_rebuild()` recounts everything in one transaction (one INSERT … SELECT per level:
the finest from the observations, each coarser one from the level below). Single saves and
deletes keep the cells right through the signals in `tsunagu.nature.signals_map`; bulk_create,
queryset.update() and raw SQL bypass them, so importers call `map_cells_rebuild()` afterwards
(or `tsunagu rebuild_map_cells`).
"""

from functools import reduce
from operator import or_
from typing import NamedTuple

from django.db import IntegrityError, connection, transaction
from django.db.models import Count, F, IntegerField, Q, QuerySet, Sum, Value
from django.db.models.functions import ExtractYear

from tsunagu.nature.caching import nature_bulk_changed
from tsunagu.nature.models import MapCell, Observation
from tsunagu.nature.selectors.map import observation_year
from tsunagu.nature.selectors.map_grid import (
    FINEST_LEVEL,
    MAP_CELL_LEVELS,
    cell_of,
    cell_x_expression,
    cell_y_expression,
)

COLUMNS = (
    "level",
    "cell_x",
    "cell_y",
    "quality_grade",
    "year",
    "count",
    "latitude_sum",
    "longitude_sum",
)
ALIASES = ("lvl", "cx", "cy", "grade", "yr", "n", "lat", "lon")


class MapCellKey(NamedTuple):
    """Where an observation counts on the map: public location, grade and year."""

    latitude: float
    longitude: float
    quality_grade: str
    year: int | None


def map_cell_key(
    *,
    public_latitude: float | None,
    public_longitude: float | None,
    quality_grade: str,
    observed_at,
    is_hidden: bool,
) -> MapCellKey | None:
    """None when the observation is not on the public map (hidden, or no public location)."""
    if is_hidden or public_latitude is None or public_longitude is None:
        return None
    return MapCellKey(
        public_latitude, public_longitude, quality_grade, observation_year(observed_at)
    )


def _insert_select(rows: QuerySet) -> None:
    """INSERT INTO mapcell SELECT <the ORM's aggregate>; aliases make the order explicit."""
    sql, params = rows.query.sql_with_params()
    quote = connection.ops.quote_name
    # Only quoted identifiers and the ORM's own SQL go in; values stay in `params`.
    statement = "INSERT INTO {table} ({columns}) SELECT {aliases} FROM ({sql}) AS agg".format(  # noqa: S608
        table=quote(MapCell._meta.db_table),
        columns=", ".join(quote(c) for c in COLUMNS),
        aliases=", ".join(f"agg.{quote(a)}" for a in ALIASES),
        sql=sql,
    )
    with connection.cursor() as cursor:
        cursor.execute(statement, params)


@transaction.atomic
def map_cells_rebuild() -> int:
    """Recount every level from the observations; returns the number of cells written."""
    if connection.vendor == "postgresql":
        # Saves that start meanwhile wait and then apply their change on top of the new counts.
        with connection.cursor() as cursor:
            cursor.execute(
                f"LOCK TABLE {connection.ops.quote_name(MapCell._meta.db_table)} IN EXCLUSIVE MODE"
            )
    MapCell.objects.all().delete()
    finest = (
        Observation.objects.filter(
            is_hidden=False, public_latitude__isnull=False, public_longitude__isnull=False
        )
        .order_by()
        .annotate(
            lvl=Value(FINEST_LEVEL, output_field=IntegerField()),
            cx=cell_x_expression(FINEST_LEVEL),
            cy=cell_y_expression(FINEST_LEVEL),
            grade=F("quality_grade"),
            yr=ExtractYear("observed_at"),
        )
        .values("lvl", "cx", "cy", "grade", "yr")
        .annotate(n=Count("pk"), lat=Sum("public_latitude"), lon=Sum("public_longitude"))
    )
    _insert_select(finest)
    for level in reversed(MAP_CELL_LEVELS[:-1]):
        coarser = (
            MapCell.objects.filter(level=level + 1)
            .annotate(
                lvl=Value(level, output_field=IntegerField()),
                cx=F("cell_x") / 2,
                cy=F("cell_y") / 2,
                grade=F("quality_grade"),
                yr=F("year"),
            )
            .values("lvl", "cx", "cy", "grade", "yr")
            .annotate(n=Sum("count"), lat=Sum("latitude_sum"), lon=Sum("longitude_sum"))
        )
        _insert_select(coarser)
    # The rebuild follows writes that sent no signal (imports): cached pages must see them.
    nature_bulk_changed()
    return MapCell.objects.count()


def _cells_of(key: MapCellKey) -> tuple[list[tuple[int, int, int]], QuerySet[MapCell]]:
    cells = [(level, *cell_of(key.latitude, key.longitude, level)) for level in MAP_CELL_LEVELS]
    match = reduce(or_, (Q(level=level, cell_x=x, cell_y=y) for level, x, y in cells))
    # year=None becomes IS NULL, so observations without a date have their own rows.
    rows = MapCell.objects.filter(match, quality_grade=key.quality_grade, year=key.year)
    return cells, rows


def _lock_in_order(rows: QuerySet[MapCell]) -> None:
    """Lock the rows in one fixed order before changing them. An UPDATE locks rows in scan
    order, so two observations saved at once, sharing their coarse cells, could each hold
    a cell the other waits for (a deadlock, which fails one of the two saves)."""
    list(rows.select_for_update().order_by("level", "pk").values_list("pk", flat=True))


def _cell_add(key: MapCellKey) -> None:
    cells, rows = _cells_of(key)
    _lock_in_order(rows)
    step = {
        "count": F("count") + 1,
        "latitude_sum": F("latitude_sum") + key.latitude,
        "longitude_sum": F("longitude_sum") + key.longitude,
    }
    if rows.update(**step) == len(cells):
        return
    present = set(rows.values_list("level", flat=True))
    for level, x, y in cells:
        if level in present:
            continue
        try:
            with transaction.atomic():  # a concurrent save may create the same cell first
                MapCell.objects.create(
                    level=level,
                    cell_x=x,
                    cell_y=y,
                    quality_grade=key.quality_grade,
                    year=key.year,
                    count=1,
                    latitude_sum=key.latitude,
                    longitude_sum=key.longitude,
                )
        except IntegrityError:
            rows.filter(level=level).update(**step)


def _cell_remove(key: MapCellKey) -> None:
    _cells, rows = _cells_of(key)
    _lock_in_order(rows)
    rows.filter(count__gt=0).update(
        count=F("count") - 1,
        latitude_sum=F("latitude_sum") - key.latitude,
        longitude_sum=F("longitude_sum") - key.longitude,
    )
    rows.filter(count__lte=0).delete()


@transaction.atomic
def map_cells_observation_moved(*, before: MapCellKey | None, after: MapCellKey | None) -> None:
    """Move one observation's count from where it was on the map to where it is now
    (None: not on the map)."""
    if before == after:
        return
    if before is not None:
        _cell_remove(before)
    if after is not None:
        _cell_add(after)
