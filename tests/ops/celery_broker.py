"""Point the in-process Celery app at a real broker for one test (the test settings are eager)."""

from collections.abc import Iterator
from contextlib import contextmanager

from config.celery_app import app as celery_app

SETTINGS = ("broker_url", "task_always_eager", "broker_transport_options")


def _forget_broker_connections() -> None:
    """Let Celery connect afresh to whatever broker_url now says."""
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@contextmanager
def celery_broker(url: str) -> Iterator[None]:
    """Send tasks to the broker at `url` (not run them inline) until the block exits."""
    saved = {key: celery_app.conf[key] for key in SETTINGS}
    _forget_broker_connections()
    celery_app.conf.update(
        broker_url=url,
        task_always_eager=False,
        broker_transport_options={"socket_connect_timeout": 1, "socket_timeout": 2},
    )
    try:
        yield
    finally:
        celery_app.conf.update(saved)
        _forget_broker_connections()
