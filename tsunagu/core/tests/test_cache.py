"""Public responses and fragments come from the cache, and a data change shows at once.

Each test runs against the per-process cache of the test settings and against a real,
throwaway Redis with the production backend."""

import time

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.ops.redis_server import redis_server
from tsunagu.core.cache_backends import ResilientRedisCache
from tsunagu.core.services import local_target_save
from tsunagu.crafts.tests.factories import CraftFactory, WorkshopFactory
from tsunagu.indicators.services.indicator_set import indicator_set_load
from tsunagu.indicators.services.observations import observations_import
from tsunagu.indicators.tests.test_scoring_service import MINI_SET, synthetic_country


@pytest.fixture(scope="module")
def redis():
    with redis_server() as server:
        yield server


@pytest.fixture(params=["locmem", "redis"])
def any_cache(request, settings):
    if request.param == "redis":
        server = request.getfixturevalue("redis")
        settings.CACHES = {
            "default": {
                "BACKEND": "tsunagu.core.cache_backends.ResilientRedisCache",
                "LOCATION": server.url,
            }
        }
    cache.clear()
    yield request.param
    cache.clear()


def _get(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return response, len(queries)


@pytest.mark.django_db
def test_crafts_api_is_served_from_the_cache_until_a_craft_changes(
    client, any_cache, django_capture_on_commit_callbacks
):
    CraftFactory(slug="gold-leaf", name_en="Gold leaf")
    first, first_queries = _get(client, "/api/v1/crafts/crafts")
    again, again_queries = _get(client, "/api/v1/crafts/crafts")
    assert again.json() == first.json()
    assert first_queries > 0
    assert again_queries == 0

    with django_capture_on_commit_callbacks(execute=True):
        CraftFactory(slug="lacquer", name_en="Lacquerware")
    changed, _ = _get(client, "/api/v1/crafts/crafts")
    assert {c["slug"] for c in changed.json()} == {"gold-leaf", "lacquer"}


@pytest.mark.django_db
def test_the_workshop_list_fragment_follows_a_changed_craft_of_a_workshop(
    client, any_cache, django_capture_on_commit_callbacks
):
    gold = CraftFactory(slug="gold-leaf")
    lacquer = CraftFactory(slug="lacquer")
    workshop = WorkshopFactory(name_en="Hakuza studio", is_published=True, crafts=[gold])
    path = "/en/crafts/?craft=lacquer"
    first, first_queries = _get(client, path)
    assert "Hakuza studio" not in first.content.decode()
    _, again_queries = _get(client, path)
    assert again_queries < first_queries

    with django_capture_on_commit_callbacks(execute=True):
        workshop.crafts.add(lacquer)  # what the admin's many-to-many widget does
    assert "Hakuza studio" in client.get(path).content.decode()


@pytest.mark.django_db
def test_signed_in_visitors_never_get_or_fill_the_cache(client, any_cache, users):
    CraftFactory(slug="gold-leaf")
    client.force_login(users["plain_user"])
    _get(client, "/api/v1/crafts/crafts")
    _, again_queries = _get(client, "/api/v1/crafts/crafts")
    assert again_queries > 0
    client.logout()
    _, anonymous_queries = _get(client, "/api/v1/crafts/crafts")
    assert anonymous_queries > 0  # nothing was stored for the signed-in visitor


def test_a_stopped_redis_reads_as_misses_quickly_and_recovers():
    with redis_server() as server:
        backend = ResilientRedisCache(server.url, {})
        backend.set("greeting", "hello")
        assert backend.get("greeting") == "hello"
        server.stop()
        started = time.monotonic()
        assert backend.get("greeting", "missing") == "missing"
        backend.set("greeting", "ignored")
        assert backend.get_many(["greeting"]) == {}
        assert time.monotonic() - started < 1
        server.start()
        backend._down_until = 0  # skip the pause before trying Redis again
        backend.set("greeting", "back")
        assert backend.get("greeting") == "back"


@pytest.mark.django_db
def test_the_sdg_api_is_cached_and_a_published_local_target_shows_at_once(
    client, any_cache, django_capture_on_commit_callbacks
):
    path = "/api/v1/local-targets?goal=11"
    _, first_queries = _get(client, "/api/v1/goals")
    _, again_queries = _get(client, "/api/v1/goals")
    assert (first_queries > 0, again_queries) == (True, 0)
    assert _get(client, path)[0].json() == []
    local_target_save(target_code="11.4", number=1, title_ja="文化遺産の保全")
    assert _get(client, path)[0].json() == []  # a draft is not public
    with django_capture_on_commit_callbacks(execute=True):
        local_target_save(
            target_code="11.4", number=1, title_ja="文化遺産の保全", status="published"
        )
    assert [t["code"] for t in _get(client, path)[0].json()] == ["11.4.1"]


@pytest.mark.django_db
def test_imported_statistics_and_loaded_indicators_show_at_once_in_the_api(
    client, any_cache, django_capture_on_commit_callbacks
):
    # The import creates its statistics with bulk_create, which sends no signal.
    def codes(path):
        return {item["code"] for item in _get(client, path)[0].json()["items"]}

    assert codes("/api/v1/statistics") == set()
    assert _get(client, "/api/v1/statistics")[1] == 0
    with django_capture_on_commit_callbacks(execute=True):
        observations_import(synthetic_country(), register_areas=True)
    assert codes("/api/v1/statistics") == {"A1101", "I6100", "F1102", "F1107"}

    assert codes("/api/v1/indicators") == set()
    with django_capture_on_commit_callbacks(execute=True):
        indicator_set_load(MINI_SET)
    assert codes("/api/v1/indicators")
