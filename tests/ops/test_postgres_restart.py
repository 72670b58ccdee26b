"""PostgreSQL stops or restarts under a running site: requests fail cleanly, then recover.

While the database is away every request that needs it gets a 503 "temporarily unavailable"
(an HTML page, or JSON for the API) with Retry-After, quickly and without a traceback; as soon
as PostgreSQL is back the same gunicorn processes serve again, without being restarted.
"""

import threading
import time

import pytest

from tests.ops.processes import HttpClient, Server

pytestmark = pytest.mark.ops

PAGE = "/en/partners/"
API = "/api/v1/open-data/partners"
PATHS = [PAGE, API]
# A request waits for a database connection at most DB_POOL_TIMEOUT (3 s), then gets 503.
OUTAGE_ANSWER_SECONDS = 6
# Once PostgreSQL accepts connections again, the site must be back within this time.
RECOVERY_SECONDS = 15
LEAKS = ("Traceback", "OperationalError", "psycopg", "connection refused", "postgres")


@pytest.fixture(scope="module")
def server(installation_create):
    server = Server("web", installation_create("restart"))
    server.start()
    yield server
    server.stop()


def _uncached(path: str, attempt: int | str) -> str:
    """The path with a query string of its own: anonymous pages are served from the cache
    (which goes on answering during the outage), and these requests must reach the database."""
    return f"{path}?outage={attempt}"


def _assert_served(client: HttpClient, attempt: int | str) -> None:
    for path in PATHS:
        response = client.get(_uncached(path, attempt))
        assert response.status == 200, (path, response.status, response.text[:500])


def _seconds_until_served(client: HttpClient) -> float:
    started = time.monotonic()
    attempt = 0
    while time.monotonic() - started < RECOVERY_SECONDS:
        attempt += 1
        statuses = [client.get(_uncached(path, f"recover-{attempt}")).status for path in PATHS]
        if statuses == [200, 200]:
            return time.monotonic() - started
        assert set(statuses) <= {200, 503}, statuses
        time.sleep(0.5)
    return float("inf")


def _assert_unavailable(response, path: str) -> None:
    assert response.status == 503, (path, response.status, response.text[:500])
    assert response.headers["retry-after"] == "30"
    assert "temporarily unavailable" in response.text
    assert not any(leak.lower() in response.text.lower() for leak in LEAKS), response.text


def test_requests_during_an_outage_get_503_and_the_site_recovers_by_itself(postgres, server):
    client = HttpClient(server)
    _assert_served(client, "before")
    pid = server.pid

    postgres.stop()
    try:
        for attempt, path in enumerate(PATHS * 2):
            started = time.monotonic()
            response = client.get(_uncached(path, attempt))
            elapsed = time.monotonic() - started
            _assert_unavailable(response, path)
            assert elapsed < OUTAGE_ANSWER_SECONDS, (path, elapsed)
        api = client.get(_uncached(API, 10))
        assert api.headers["content-type"] == "application/json"
        page = client.get(_uncached(PAGE, 10))
        assert page.headers["content-type"].startswith("text/html")
    finally:
        postgres.start()

    # The same processes serve again within seconds (each pool reconnects by itself; on a
    # loaded machine its first new connection can take a moment), and from then on every
    # request succeeds: no dead pooled connection is handed to a request.
    assert _seconds_until_served(client) <= RECOVERY_SECONDS
    for round_ in range(10):
        _assert_served(client, f"after-{round_}")
    assert server.running
    assert server.pid == pid


def test_a_restart_under_load_leaves_only_clean_failures_and_then_full_service(postgres, server):
    statuses: list[int | str] = []
    stop = threading.Event()

    def hammer(path: str) -> None:
        client = HttpClient(server)
        attempt = 0
        while not stop.is_set():
            attempt += 1
            try:
                response = client.get(_uncached(path, attempt), timeout=OUTAGE_ANSWER_SECONDS)
                statuses.append(response.status)
            except OSError as error:
                statuses.append(type(error).__name__)

    threads = [threading.Thread(target=hammer, args=(path,)) for path in PATHS * 3]
    for thread in threads:
        thread.start()
    try:
        time.sleep(1)
        postgres.restart()
        time.sleep(2)
    finally:
        stop.set()
        for thread in threads:
            thread.join()

    assert statuses, "no request was answered"
    assert set(statuses) <= {200, 503}, statuses
    assert statuses.count(200) > 0
    client = HttpClient(server)
    assert _seconds_until_served(client) <= RECOVERY_SECONDS
    for round_ in range(10):
        _assert_served(client, f"after-restart-{round_}")
