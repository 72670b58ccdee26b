"""With Redis stopped the site keeps serving, sessions survive and no work is lost.

Cache, sessions and the Celery broker all point at a throwaway Redis (tests.ops.redis_server),
which the test kills half-way."""

import logging

import pytest
import redis as redis_client
from celery.result import EagerResult
from django.test import Client
from django.utils import translation

from tests.ops.celery_broker import celery_broker
from tests.ops.redis_server import redis_server
from tsunagu.core.tasks import QueueUnavailableError, enqueue
from tsunagu.indicators.tasks import indicator_scores_refresh
from tsunagu.reports.tasks import report_version_build_task


@pytest.fixture
def redis_backed(settings):
    """Cache, cached_db sessions and a real (not eager) Celery broker on a throwaway Redis."""
    with redis_server() as server:
        settings.CACHES = {
            "default": {
                "BACKEND": "tsunagu.core.cache_backends.ResilientRedisCache",
                "LOCATION": server.url,
            }
        }
        settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
        with celery_broker(server.url):
            yield server


@pytest.mark.django_db
def test_pages_sessions_and_queues_with_redis_stopped(redis_backed, users, caplog):
    signed_in = Client()
    signed_in.force_login(users["plain_user"])
    assert signed_in.get("/api/v1/accounts/me").json()["email"] == "citizen@example.org"

    redis_backed.stop()
    anonymous = Client()
    for path in ("/", "/en/", "/indicators/", "/api/v1/crafts/crafts", "/api/v1/goals"):
        assert anonymous.get(path).status_code == 200, path
    # The session is still read, from the database.
    assert signed_in.get("/api/v1/accounts/me").json()["email"] == "citizen@example.org"

    with caplog.at_level(logging.WARNING, logger="tsunagu.core.tasks"):
        # Cheap work runs inline rather than being dropped ...
        assert isinstance(enqueue(indicator_scores_refresh), EagerResult)
        # ... heavy work is refused with a message for the user.
        with translation.override("en"), pytest.raises(QueueUnavailableError, match="queue is"):
            enqueue(report_version_build_task, 1)
    logged = [(r.levelname, r.getMessage()) for r in caplog.records]
    assert any(level == "WARNING" and "running" in m and "inline" in m for level, m in logged)
    assert any(
        level == "ERROR" and "report_version_build was not queued" in m for level, m in logged
    )

    # Once Redis is back, work is queued again for the workers (nothing ran inline).
    redis_backed.start()
    assert not isinstance(enqueue(report_version_build_task, 1), EagerResult)
    assert redis_client.Redis.from_url(redis_backed.url).llen("celery") == 1
