"""Generalised locations for sensitive and threatened taxa.

The public sees a random point inside the 0.2° grid cell that holds the true point, and an
uncertainty as wide as the cell, so neither the point nor the uncertainty hints at where in
the cell the organism was. The point is drawn once and kept while the true point stays in
the same cell: drawing again on every save would let anyone average the draws."""

import math
import random

from django.db.models import Q

from tsunagu.nature.models import THREATENED_CATEGORIES, Observation, Taxon

CELL_DEGREES = 0.2
# The cell's diagonal at the equator (widest): the true point may be anywhere in the cell,
# the public point too, so they can be this far apart.
CELL_DIAGONAL_M = math.ceil(math.hypot(CELL_DEGREES, CELL_DEGREES) * 111_320)

_random = random.SystemRandom()


def cell_index(latitude: float, longitude: float) -> tuple[int, int]:
    # round() first: 0.4 / 0.2 must be cell 2, not 1.9999999999999998.
    return (
        math.floor(round(latitude / CELL_DEGREES, 9)),
        math.floor(round(longitude / CELL_DEGREES, 9)),
    )


def cell_bounds(latitude: float, longitude: float) -> tuple[float, float, float, float]:
    """(south, west, north, east) of the cell holding the point."""
    row, column = cell_index(latitude, longitude)
    south, west = row * CELL_DEGREES, column * CELL_DEGREES
    return south, west, south + CELL_DEGREES, west + CELL_DEGREES


def random_point_in_cell(latitude: float, longitude: float) -> tuple[float, float]:
    south, west, north, east = cell_bounds(latitude, longitude)
    wanted = cell_index(latitude, longitude)
    while True:
        point = (
            round(_random.uniform(south, north), 6),
            round(max(-180.0, min(180.0, _random.uniform(west, east))), 6),
        )
        if cell_index(*point) == wanted and -90 <= point[0] <= 90:
            return point


def _taxon_ids_to_check(observation: Observation) -> set[int]:
    ids: set[int] = set()
    taxa = [observation.taxon, observation.community_taxon]
    if observation.pk:
        taxa += [
            identification.taxon
            for identification in observation.identifications.filter(
                is_current=True
            ).select_related("taxon")
        ]
    for taxon in taxa:
        if taxon is not None:
            ids.update(taxon.ancestor_ids or [taxon.pk])
    return ids


def location_must_be_generalised(observation: Observation) -> bool:
    """True when the observer's taxon, the community taxon, any current identification's
    taxon or any of their ancestors is sensitive or threatened."""
    ids = _taxon_ids_to_check(observation)
    if not ids:
        return False
    return (
        Taxon.objects.filter(pk__in=ids)
        .filter(
            Q(is_sensitive=True)
            | Q(red_list_national__in=THREATENED_CATEGORIES)
            | Q(red_list_ishikawa__in=THREATENED_CATEGORIES)
        )
        .exists()
    )


def observation_public_location_refresh(observation: Observation, *, save: bool = True) -> None:
    """Set the public coordinates from the true ones; call after any change of coordinates,
    taxon, community taxon or identifications."""
    latitude, longitude = observation.latitude, observation.longitude
    generalise = location_must_be_generalised(observation)
    if latitude is None or longitude is None:
        public = (None, None)
    elif not generalise:
        public = (latitude, longitude)
    else:
        kept = (observation.public_latitude, observation.public_longitude)
        same_cell = (
            observation.location_generalised
            and None not in kept
            and cell_index(*kept) == cell_index(latitude, longitude)
        )
        public = kept if same_cell else random_point_in_cell(latitude, longitude)
    observation.public_latitude, observation.public_longitude = public
    observation.location_generalised = generalise
    if save and observation.pk:
        # save(), not update(): the map cells follow the public location through signals.
        observation.save(
            update_fields=["public_latitude", "public_longitude", "location_generalised"]
        )


def public_uncertainty_m(observation: Observation) -> int | None:
    """The uncertainty to show with the public point."""
    if observation.location_generalised:
        return max(observation.uncertainty_m or 0, CELL_DIAGONAL_M)
    return observation.uncertainty_m
