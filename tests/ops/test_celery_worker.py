"""A real Celery worker builds a report that the platform queued, on Redis and on RabbitMQ.

The version is queued the way staff queue it (report_generate, in a `tsunagu shell` of the
installation, which hands the build to the broker once its transaction commits); a separate
`celery worker` process of the same installation builds it. With Redis as the broker, a build
queued while no worker runs waits in the queue and is done once a worker starts.
"""

import socket
import subprocess
import time
import uuid
from dataclasses import dataclass

import psycopg
import pytest
import redis as redis_client

from tests.ops.processes import Installation, Worker

pytestmark = pytest.mark.ops

RABBITMQ = ("127.0.0.1", 5672)

QUEUE_A_BUILD = """
from tsunagu.accounts.models import User
from tsunagu.reports.models import Report
from tsunagu.reports.policy import can_edit_reports
from tsunagu.reports.services.generation import report_generate
officer = next(u for u in User.objects.order_by("pk") if can_edit_reports(u))
report = Report.objects.filter(sections__isnull=False).order_by("pk").first()
print(report_generate(report=report, by=officer).pk)
"""


@dataclass
class BrokerInstallation(Installation):
    """An installation whose Celery broker is not its Redis (the cache stays on Redis)."""

    broker_url: str = ""

    def environment(self) -> dict[str, str]:
        return {**super().environment(), "CELERY_BROKER_URL": self.broker_url}


def _queue_a_build(installation: Installation) -> int:
    return int(installation.manage("shell", "-c", QUEUE_A_BUILD).split()[-1])


def _version(installation: Installation, pk: int) -> tuple[str, str, bool, str]:
    with psycopg.connect(installation.database_url) as connection:
        return connection.execute(
            "SELECT status, error, snapshot IS NOT NULL, pdf_en FROM reports_reportversion "
            "WHERE id = %s",
            (pk,),
        ).fetchone()


def _wait_until_built(installation: Installation, worker: Worker, pk: int) -> None:
    deadline = time.monotonic() + 180
    while (status := _version(installation, pk)[0]) in ("queued", "running"):
        worker.check_alive()
        assert time.monotonic() < deadline, worker.log_text()[-3000:]
        time.sleep(0.2)
    assert status == "done", (_version(installation, pk), worker.log_text()[-3000:])


def _assert_built(installation: Installation, pk: int) -> None:
    status, error, has_snapshot, pdf = _version(installation, pk)
    assert (status, error, has_snapshot) == ("done", "", True)
    assert (installation.root / "private-media" / "reports" / pdf).read_bytes()[:5] == b"%PDF-"


@pytest.fixture(scope="module")
def redis_site(installation_create, redis):
    return installation_create("celery_worker_redis", redis.url)


def test_a_worker_on_redis_builds_a_queued_report(redis_site):
    worker = Worker("worker", redis_site)
    worker.start()
    try:
        pk = _queue_a_build(redis_site)
        _wait_until_built(redis_site, worker, pk)
    finally:
        worker.stop()
    _assert_built(redis_site, pk)


def test_a_build_queued_while_no_worker_runs_is_done_when_one_starts(redis_site):
    pk = _queue_a_build(redis_site)
    time.sleep(1)
    assert _version(redis_site, pk)[0] == "queued"
    assert redis_client.Redis.from_url(redis_site.redis_url).llen("celery") == 1

    worker = Worker("late-worker", redis_site)
    worker.start()
    try:
        _wait_until_built(redis_site, worker, pk)
    finally:
        worker.stop()
    _assert_built(redis_site, pk)
    assert redis_client.Redis.from_url(redis_site.redis_url).llen("celery") == 0


def _rabbitmq_reachable() -> bool:
    try:
        with socket.create_connection(RABBITMQ, timeout=1):
            return True
    except OSError:
        return False


def _rabbitmqctl(*arguments: str) -> None:
    subprocess.run(["rabbitmqctl", *arguments], check=True, capture_output=True, timeout=60)


@pytest.fixture(scope="module")
def rabbitmq_vhost():
    """A vhost of its own on the local RabbitMQ, deleted afterwards: nothing else is touched."""
    if not _rabbitmq_reachable():
        pytest.skip("RabbitMQ is not running on 127.0.0.1:5672 (optional broker)")
    vhost = f"tsunagu-test-{uuid.uuid4().hex[:8]}"
    try:
        _rabbitmqctl("add_vhost", vhost)
        _rabbitmqctl("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*")
    except (OSError, subprocess.CalledProcessError) as error:
        pytest.skip(f"cannot create a RabbitMQ vhost with rabbitmqctl (optional broker): {error}")
    yield f"amqp://guest:guest@{RABBITMQ[0]}:{RABBITMQ[1]}/{vhost}"
    _rabbitmqctl("delete_vhost", vhost)


def test_a_worker_on_rabbitmq_builds_a_queued_report(installation_create, redis, rabbitmq_vhost):
    site = installation_create("celery_worker_rabbitmq", redis.url)
    site = BrokerInstallation(
        root=site.root,
        database_url=site.database_url,
        redis_url=site.redis_url,
        broker_url=rabbitmq_vhost,
    )
    worker = Worker("rabbitmq-worker", site)
    worker.start()
    try:
        assert "amqp://guest:**@127.0.0.1:5672/tsunagu-test-" in worker.log_text()
        pk = _queue_a_build(site)
        _wait_until_built(site, worker, pk)
    finally:
        worker.stop()
    _assert_built(site, pk)
