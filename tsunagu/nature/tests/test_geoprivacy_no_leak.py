"""The true coordinates of a sensitive species' observation never reach pages or API answers
for the public, other users or experts, in any usual formatting; the observer, city staff
and trusted researchers do see them."""

import random

import pytest
from django.test import Client

from tsunagu.accounts.roles import Role
from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.nature.services import geoprivacy
from tsunagu.nature.services.observations import identification_add, observation_create
from tsunagu.nature.tests.factories import aware, photo_upload, taxon_tree, user_with_roles

TRUE_LAT, TRUE_LON = 36.5781234, 136.6377321
TRUE_UNCERTAINTY = 7


def formats(value: float) -> set[str]:
    texts = {repr(value), str(value)}
    texts |= {f"{value:.{digits}f}" for digits in range(3, 8)}
    return texts


SECRETS = formats(TRUE_LAT) | formats(TRUE_LON)


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def sensitive_observation(db, monkeypatch):
    # A seeded generator: the public point is deterministic, and checked to differ from the
    # true one at every precision tested, so a chance match cannot make the test pass or fail.
    monkeypatch.setattr(geoprivacy, "_random", random.Random(20250612))  # noqa: S311
    tree = taxon_tree()
    observer = UserFactory(full_name="Hotaru Observer")
    observation = observation_create(
        observer=observer,
        photos=[photo_upload(latitude=TRUE_LAT, longitude=TRUE_LON)],
        observed_at=aware("2025-06-12T20:40:00"),
        latitude=TRUE_LAT,
        longitude=TRUE_LON,
        uncertainty_m=TRUE_UNCERTAINTY,
        taxon=tree["sensitive"],
    )
    identification_add(observation=observation, user=UserFactory(), taxon=tree["sensitive"])
    observation.refresh_from_db()
    assert observation.location_generalised
    public = formats(observation.public_latitude) | formats(observation.public_longitude)
    assert not public & SECRETS
    return observation


def pages(observation) -> list[str]:
    detail = f"/nature/observations/{observation.uuid}/"
    api = "/api/v1/nature/observations"
    return [
        "/nature/observations/",
        "/en/nature/observations/",
        f"/nature/observations/?taxon={observation.taxon_id}",
        detail,
        f"/en{detail}",
        api,
        f"{api}?taxon_id={observation.taxon_id}",
        f"{api}/{observation.uuid}",
    ]


def leaks(client: Client, observation) -> dict[str, set[str]]:
    found = {}
    for url in pages(observation):
        response = client.get(url)
        assert response.status_code == 200, url
        text = response.content.decode()
        hits = {secret for secret in SECRETS if secret in text}
        if f"± {TRUE_UNCERTAINTY} m" in text or f'"uncertainty_m": {TRUE_UNCERTAINTY},' in text:
            hits.add("uncertainty")
        if hits:
            found[url] = hits
    return found


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.mark.parametrize("who", ["anonymous", "other user", "expert identifier", "identifier"])
def test_true_location_never_reaches_others(sensitive_observation, who):
    user = {
        "anonymous": None,
        "other user": UserFactory(),
        "expert identifier": user_with_roles(Role.EXPERT_IDENTIFIER),
        "identifier": sensitive_observation.identifications.exclude(
            user=sensitive_observation.observer
        )
        .get()
        .user,
    }[who]
    assert leaks(client_for(user), sensitive_observation) == {}
    detail = client_for(user).get(f"/en/nature/observations/{sensitive_observation.uuid}/")
    assert "Location generalised (0.2° cell) to protect this species" in detail.content.decode()
    body = client_for(user).get(f"/api/v1/nature/observations/{sensitive_observation.uuid}").json()
    assert body["location_generalised"] is True
    assert body["coordinates_are_true"] is False
    assert body["uncertainty_m"] >= geoprivacy.CELL_DIAGONAL_M


@pytest.mark.parametrize("who", ["observer", "city staff", "trusted researcher"])
def test_true_location_is_shown_to_those_allowed(sensitive_observation, who):
    user = {
        "observer": sensitive_observation.observer,
        "city staff": UserFactory(roles=[Role.CITY_STAFF]),
        "trusted researcher": user_with_roles(Role.TRUSTED_RESEARCHER),
    }[who]
    client = client_for(user)
    detail = client.get(f"/nature/observations/{sensitive_observation.uuid}/").content.decode()
    assert f"{TRUE_LAT:.6f}" in detail
    assert f"{TRUE_LON:.6f}" in detail
    body = client.get(f"/api/v1/nature/observations/{sensitive_observation.uuid}").json()
    assert (body["latitude"], body["longitude"]) == (TRUE_LAT, TRUE_LON)
    assert body["uncertainty_m"] == TRUE_UNCERTAINTY
    assert body["coordinates_are_true"] is True


def test_published_photo_carries_no_position(sensitive_observation):
    photo = sensitive_observation.photos.get()
    response = Client().get(
        f"/nature/observations/{sensitive_observation.uuid}/photos/{photo.pk}.jpg"
    )
    data = b"".join(response.streaming_content)
    assert b"Exif" not in data
    assert b"GPS" not in data
