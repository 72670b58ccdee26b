"""Observation map clusters: public coordinates of visible observations, grouped by grid cell.

Only `public_latitude`/`public_longitude` are read here, never the true coordinates, and
hidden observations are left out. Views without a taxon or campaign filter (and with whole
years as dates) sum the MapCell aggregate; the others group the raw rows in the database.
"""

import datetime
from dataclasses import dataclass, field, replace
from functools import reduce
from operator import or_

from django.db import connection, transaction
from django.db.models import Count, Min, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from tsunagu.core.models import PublicationStatus
from tsunagu.nature.models import Campaign, MapCell, Observation, QualityGrade, Taxon
from tsunagu.nature.selectors.map_grid import (
    MAP_CELL_MAX_ZOOM,
    MAX_ZOOM,
    cell_north,
    cell_of,
    cell_west,
    cell_x,
    cell_x_expression,
    cell_y,
    cell_y_expression,
    level_for_zoom,
)

# The fields this module may read from an observation: the public location and what a popup
# shows. `latitude` and `longitude` (the true location) are deliberately absent.
PUBLIC_FIELDS = (
    "pk",
    "uuid",
    "public_latitude",
    "public_longitude",
    "location_generalised",
    "observed_at",
    "quality_grade",
    "taxon",
    "community_taxon",
)
TAXON_FIELDS = ("scientific_name", "common_name", "rank")


class MapQueryError(ValueError):
    """A map request parameter is missing or wrong; the message says which and why."""


@dataclass(frozen=True)
class MapQuery:
    west: float
    south: float
    east: float
    north: float
    zoom: int
    taxon: Taxon | None = None
    grades: tuple[str, ...] = ()
    campaign: Campaign | None = None
    date_from: datetime.date | None = None
    date_to: datetime.date | None = None

    @property
    def level(self) -> int:
        return level_for_zoom(self.zoom)

    @property
    def uses_map_cells(self) -> bool:
        """True when the MapCell aggregate can answer: no taxon or campaign filter, a zoom it
        stores, and dates (if any) that are whole years."""
        whole_years = (
            self.date_from is None or (self.date_from.month, self.date_from.day) == (1, 1)
        ) and (self.date_to is None or (self.date_to.month, self.date_to.day) == (12, 31))
        return (
            self.taxon is None
            and self.campaign is None
            and self.zoom <= MAP_CELL_MAX_ZOOM
            and whole_years
        )

    def cell_range(self) -> tuple[int, int, int, int]:
        """(x_min, x_max, y_min, y_max) of the cells the bbox touches; y grows southwards."""
        level = self.level
        return (
            cell_x(self.west, level),
            cell_x(self.east, level),
            cell_y(self.north, level),
            cell_y(self.south, level),
        )


@dataclass
class Cluster:
    cell_x: int
    cell_y: int
    count: int
    latitude: float
    longitude: float
    observation: Observation | None = None


@dataclass
class ClusterResult:
    query: MapQuery
    clusters: list[Cluster] = field(default_factory=list)
    source: str = "cells"

    @property
    def total(self) -> int:
        return sum(cluster.count for cluster in self.clusters)

    @property
    def singles(self) -> list[Observation]:
        return [c.observation for c in self.clusters if c.observation is not None]


def _float(name: str, raw: str) -> float:
    try:
        value = float(raw)
    except (TypeError, ValueError):
        raise MapQueryError(
            _("%(name)s must be a number, not %(value)r.") % {"name": name, "value": raw}
        ) from None
    if value != value or value in (float("inf"), float("-inf")):
        raise MapQueryError(_("%(name)s must be a finite number.") % {"name": name})
    return value


def _date(name: str, raw: str | None) -> datetime.date | None:
    if not raw:
        return None
    try:
        return datetime.date.fromisoformat(raw)
    except ValueError:
        raise MapQueryError(
            _("%(name)s must be a date as YYYY-MM-DD, not %(value)r.")
            % {"name": name, "value": raw}
        ) from None


def map_query_parse(
    *,
    bbox: str | None,
    zoom: str | int | None,
    taxon: str | int | None = None,
    grade: str | None = None,
    campaign: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> MapQuery:
    """Validate the map's request parameters; raises MapQueryError with a clear message."""
    if not bbox:
        raise MapQueryError(_("bbox is required: west,south,east,north in degrees."))
    parts = bbox.split(",")
    if len(parts) != 4:
        raise MapQueryError(_("bbox must have four numbers: west,south,east,north."))
    west, south, east, north = (
        _float(name, raw)
        for name, raw in zip(("west", "south", "east", "north"), parts, strict=True)
    )
    if not (-180 <= west <= 180 and -180 <= east <= 180):
        raise MapQueryError(_("bbox longitudes must be between -180 and 180."))
    if not (-90 <= south <= 90 and -90 <= north <= 90):
        raise MapQueryError(_("bbox latitudes must be between -90 and 90."))
    if west >= east:
        raise MapQueryError(_("bbox west must be less than east (west,south,east,north)."))
    if south >= north:
        raise MapQueryError(_("bbox south must be less than north (west,south,east,north)."))
    if zoom is None or zoom == "":
        raise MapQueryError(_("zoom is required (0 to %(max)d).") % {"max": MAX_ZOOM})
    try:
        zoom_value = int(zoom)
    except (TypeError, ValueError):
        raise MapQueryError(
            _("zoom must be a whole number from 0 to %(max)d.") % {"max": MAX_ZOOM}
        ) from None
    if not 0 <= zoom_value <= MAX_ZOOM:
        raise MapQueryError(_("zoom must be from 0 to %(max)d.") % {"max": MAX_ZOOM})

    taxon_obj = None
    if taxon not in (None, ""):
        try:
            taxon_obj = Taxon.objects.only("pk", "ancestry").get(pk=int(taxon))
        except (TypeError, ValueError, Taxon.DoesNotExist):
            raise MapQueryError(_("No taxon with id %(value)r.") % {"value": taxon}) from None

    grades: tuple[str, ...] = ()
    if grade:
        grades = tuple(sorted({g.strip() for g in grade.split(",") if g.strip()}))
        unknown = [g for g in grades if g not in QualityGrade.values]
        if unknown:
            raise MapQueryError(
                _("Unknown quality grade %(value)r; use %(choices)s.")
                % {"value": ",".join(unknown), "choices": ", ".join(QualityGrade.values)}
            )

    campaign_obj = None
    if campaign:
        campaign_obj = Campaign.objects.filter(
            slug=campaign, publication=PublicationStatus.PUBLISHED
        ).first()
        if campaign_obj is None:
            raise MapQueryError(_("No published campaign %(value)r.") % {"value": campaign})

    start, end = _date("date_from", date_from), _date("date_to", date_to)
    if start and end and start > end:
        raise MapQueryError(_("date_from must not be after date_to."))
    return MapQuery(
        west=west,
        south=south,
        east=east,
        north=north,
        zoom=zoom_value,
        taxon=taxon_obj,
        grades=grades,
        campaign=campaign_obj,
        date_from=start,
        date_to=end,
    )


def _taxon_parts(taxon: Taxon) -> list[Q]:
    """The community's taxon when there is one, else the observer's, in the taxon or below
    ("below" is a prefix of the ancestry path): two disjoint conditions, each served by its
    own column's index (ids resolved first so the planner sees them)."""
    subtree = list(
        Taxon.objects.filter(ancestry__startswith=taxon.ancestry).values_list("pk", flat=True)
    )
    return [Q(community_taxon__in=subtree), Q(community_taxon__isnull=True, taxon__in=subtree)]


def _local_midnight(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def map_observations(query: MapQuery) -> QuerySet[Observation]:
    """Visible observations matching the filters (not the bbox), without ordering."""
    observations = Observation.objects.filter(
        is_hidden=False, public_latitude__isnull=False, public_longitude__isnull=False
    ).order_by()
    if query.grades:
        observations = observations.filter(quality_grade__in=query.grades)
    elif query.date_from or query.date_to:
        # All grades, spelt out: lets the (quality_grade, observed_at) index serve a date range.
        observations = observations.filter(quality_grade__in=QualityGrade.values)
    if query.taxon is not None:
        observations = observations.filter(reduce(or_, _taxon_parts(query.taxon)))
    if query.campaign is not None:
        observations = observations.filter(campaign=query.campaign)
    # Days in the site's time zone, as ranges of the stored instant (indexable, unlike __date).
    if query.date_from:
        observations = observations.filter(observed_at__gte=_local_midnight(query.date_from))
    if query.date_to:
        next_day = query.date_to + datetime.timedelta(days=1)
        observations = observations.filter(observed_at__lt=_local_midnight(next_day))
    return observations


def _bounds_filter(query: MapQuery) -> Q:
    """The bbox widened to the edges of the cells it touches, so both paths count the same."""
    x_min, x_max, y_min, y_max = query.cell_range()
    level = query.level
    return Q(
        public_longitude__gte=cell_west(x_min, level),
        public_longitude__lt=cell_west(x_max + 1, level),
        public_latitude__lte=cell_north(y_min, level),
        public_latitude__gt=cell_north(y_max + 1, level),
    )


def _clusters_from_cells(query: MapQuery) -> list[Cluster]:
    x_min, x_max, y_min, y_max = query.cell_range()
    cells = MapCell.objects.filter(
        level=query.level,
        cell_x__gte=x_min,
        cell_x__lte=x_max,
        cell_y__gte=y_min,
        cell_y__lte=y_max,
        count__gt=0,
    )
    if query.grades:
        cells = cells.filter(quality_grade__in=query.grades)
    if query.date_from:
        cells = cells.filter(year__gte=query.date_from.year)
    if query.date_to:
        cells = cells.filter(year__lte=query.date_to.year)
    rows = (
        cells.order_by()
        .values("cell_x", "cell_y")
        .annotate(n=Sum("count"), lat=Sum("latitude_sum"), lon=Sum("longitude_sum"))
        .filter(n__gt=0)
    )
    clusters = [
        Cluster(
            cell_x=row["cell_x"],
            cell_y=row["cell_y"],
            count=row["n"],
            latitude=row["lat"] / row["n"],
            longitude=row["lon"] / row["n"],
        )
        for row in rows
    ]
    _attach_singles_by_cell(query, [c for c in clusters if c.count == 1])
    return clusters


def _attach_singles_by_cell(query: MapQuery, singles: list[Cluster]) -> None:
    """A cell counted once holds one observation: find it within the cell's edges (a sum kept
    up by increments is not exact enough to match coordinates on)."""
    if not singles:
        return
    level = query.level
    boxes = [
        Q(
            public_longitude__gte=cell_west(c.cell_x, level),
            public_longitude__lt=cell_west(c.cell_x + 1, level),
            public_latitude__lte=cell_north(c.cell_y, level),
            public_latitude__gt=cell_north(c.cell_y + 1, level),
        )
        for c in singles
    ]
    by_cell = {(c.cell_x, c.cell_y): c for c in singles}
    for observation in _with_taxa(map_observations(query).filter(reduce(or_, boxes))):
        cell = cell_of(observation.public_latitude, observation.public_longitude, level)
        cluster = by_cell.get(cell)
        if cluster is not None and cluster.observation is None:
            cluster.observation = observation
            cluster.latitude = observation.public_latitude
            cluster.longitude = observation.public_longitude


def _with_taxa(observations: QuerySet[Observation]) -> QuerySet[Observation]:
    return observations.select_related("taxon", "community_taxon").only(
        *PUBLIC_FIELDS,
        *(f"taxon__{name}" for name in TAXON_FIELDS),
        *(f"community_taxon__{name}" for name in TAXON_FIELDS),
    )


def _clusters_from_observations(query: MapQuery) -> list[Cluster]:
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # Compiling this one grouping costs PostgreSQL's JIT ~70 ms and saves nothing.
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL jit = off")
        return _group_observations(query)


def _group_observations(query: MapQuery) -> list[Cluster]:
    """Group in the database; with a taxon filter, each of its two disjoint conditions is
    grouped on its own (an OR would force PostgreSQL to read every row from the table instead
    of an index) and the per-cell sums are added up here."""
    level = query.level
    base = map_observations(replace(query, taxon=None)).filter(_bounds_filter(query))
    parts = [base] if query.taxon is None else [base.filter(q) for q in _taxon_parts(query.taxon)]
    sums: dict[tuple[int, int], list] = {}
    for part in parts:
        rows = (
            part.annotate(cx=cell_x_expression(level), cy=cell_y_expression(level))
            .values("cx", "cy")
            .annotate(
                n=Count("pk"),
                lat=Sum("public_latitude"),
                lon=Sum("public_longitude"),
                first=Min("pk"),
            )
            .values_list("cx", "cy", "n", "lat", "lon", "first")
        )
        for cx, cy, n, lat, lon, first in rows:
            cell = sums.setdefault((cx, cy), [0, 0.0, 0.0, first])
            cell[0] += n
            cell[1] += lat
            cell[2] += lon
            cell[3] = min(cell[3], first)
    clusters = {
        first: Cluster(cell_x=cx, cell_y=cy, count=n, latitude=lat / n, longitude=lon / n)
        for (cx, cy), (n, lat, lon, first) in sums.items()
    }
    single_pks = [pk for pk, c in clusters.items() if c.count == 1]
    for observation in _with_taxa(Observation.objects.filter(pk__in=single_pks)):
        cluster = clusters[observation.pk]
        cluster.observation = observation
        cluster.latitude = observation.public_latitude
        cluster.longitude = observation.public_longitude
    return list(clusters.values())


def map_clusters(query: MapQuery, *, from_cells: bool | None = None) -> ClusterResult:
    """Clusters for the view; `from_cells` forces a path (None: MapCell when it can answer;
    False groups the raw rows, e.g. to check the aggregate)."""
    if from_cells is None:
        from_cells = query.uses_map_cells
    if from_cells:
        clusters, source = _clusters_from_cells(query), "cells"
    else:
        clusters, source = _clusters_from_observations(query), "observations"
    clusters.sort(key=lambda c: (c.cell_y, c.cell_x))
    return ClusterResult(query=query, clusters=clusters, source=source)


def observation_year(observed_at: datetime.datetime | None) -> int | None:
    """The year an observation counts in, in the site's time zone (as ExtractYear does)."""
    if observed_at is None:
        return None
    return (
        timezone.localtime(observed_at).year if timezone.is_aware(observed_at) else observed_at.year
    )
