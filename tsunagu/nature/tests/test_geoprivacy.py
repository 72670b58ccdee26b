"""Generalised locations: the cell, the random point, when it applies and who sees what."""

import math

import pytest
from django.contrib.auth.models import AnonymousUser
from hypothesis import given, settings
from hypothesis import strategies as st

from tsunagu.accounts.roles import Role
from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.nature.selectors.observations import observation_location_for
from tsunagu.nature.services.geoprivacy import (
    CELL_DIAGONAL_M,
    cell_bounds,
    cell_index,
    random_point_in_cell,
)
from tsunagu.nature.services.observations import identification_add
from tsunagu.nature.tests.factories import ObservationFactory, taxon_tree, user_with_roles

TRUE = (36.5781, 136.6377)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def tree(db):
    return taxon_tree()


def test_cell_bounds_follow_the_floor_rule():
    assert cell_bounds(*TRUE) == pytest.approx((36.4, 136.6, 36.6, 136.8))
    assert cell_bounds(-33.87, -70.65) == pytest.approx((-34.0, -70.8, -33.8, -70.6))
    # On a boundary the point belongs to the cell above/east of it.
    assert cell_index(0.4, 136.6) == (2, 683)


@settings(max_examples=300, deadline=None)
@given(
    st.floats(min_value=-89.8, max_value=89.8, allow_nan=False),
    st.floats(min_value=-179.8, max_value=179.8, allow_nan=False),
)
def test_random_point_stays_in_the_cell(latitude, longitude):
    point = random_point_in_cell(latitude, longitude)
    assert cell_index(*point) == cell_index(latitude, longitude)
    south, west, north, east = cell_bounds(latitude, longitude)
    assert south <= point[0] <= north
    assert west <= point[1] <= east


def test_diagonal_is_the_widest_distance_in_a_cell():
    assert 31_000 < CELL_DIAGONAL_M < 32_000
    assert math.hypot(0.1, 0.1) * 111_320 <= CELL_DIAGONAL_M  # at least the half-diagonal


@pytest.mark.django_db
def test_ordinary_taxon_is_not_generalised(tree):
    observation = ObservationFactory(taxon=tree["species"])
    assert not observation.location_generalised
    assert (observation.public_latitude, observation.public_longitude) == TRUE


@pytest.mark.django_db
@pytest.mark.parametrize("key", ["sensitive", "threatened"])
def test_sensitive_and_threatened_taxa_are_generalised(tree, key):
    observation = ObservationFactory(taxon=tree[key])
    assert observation.location_generalised
    assert (observation.public_latitude, observation.public_longitude) != TRUE
    assert cell_index(observation.public_latitude, observation.public_longitude) == cell_index(
        *TRUE
    )


@pytest.mark.django_db
def test_a_sensitive_ancestor_generalises_its_descendants(tree):
    tree["genus"].is_sensitive = True
    tree["genus"].save()
    observation = ObservationFactory(taxon=tree["species"])
    assert observation.location_generalised


@pytest.mark.django_db
def test_anyone_identifying_a_sensitive_taxon_generalises(tree):
    observation = ObservationFactory(taxon=tree["species"])
    identification_add(observation=observation, user=UserFactory(), taxon=tree["sensitive"])
    observation.refresh_from_db()
    assert observation.location_generalised
    assert observation.community_taxon is None  # one identification only: none yet


@pytest.mark.django_db
def test_point_is_kept_while_the_cell_is_the_same(tree):
    observation = ObservationFactory(taxon=tree["sensitive"])
    first = (observation.public_latitude, observation.public_longitude)
    for _ in range(3):
        identification_add(observation=observation, user=UserFactory(), taxon=tree["sensitive"])
    observation.refresh_from_db()
    assert (observation.public_latitude, observation.public_longitude) == first


@pytest.mark.django_db
def test_point_is_drawn_again_when_the_cell_changes(tree):
    from tsunagu.nature.services.observations import observation_refresh

    observation = ObservationFactory(taxon=tree["sensitive"])
    observation.latitude, observation.longitude = 37.3901, 136.9012  # Noto
    observation.save()
    observation_refresh(observation)
    observation.refresh_from_db()
    assert cell_index(observation.public_latitude, observation.public_longitude) == cell_index(
        37.3901, 136.9012
    )


@pytest.mark.django_db
def test_who_sees_the_true_location(tree):
    observer = UserFactory()
    observation = ObservationFactory(taxon=tree["sensitive"], observer=observer, uncertainty_m=8)
    staff = UserFactory(roles=[Role.CITY_STAFF])
    researcher = user_with_roles(Role.TRUSTED_RESEARCHER)
    expert = user_with_roles(Role.EXPERT_IDENTIFIER)
    for user in (observer, staff, researcher):
        location = observation_location_for(user, observation)
        assert (location.latitude, location.longitude, location.uncertainty_m) == (*TRUE, 8)
        assert location.is_true
    for user in (AnonymousUser(), UserFactory(), expert):
        location = observation_location_for(user, observation)
        assert (location.latitude, location.longitude) != TRUE
        assert location.uncertainty_m == CELL_DIAGONAL_M
        assert location.generalised
        assert not location.is_true
