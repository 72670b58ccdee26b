"""Handing work to the Celery workers, and what happens when the broker is unreachable.

`enqueue` finds out at once whether the broker took the task (a short connection timeout and
publish retry policy, see CELERY_* in the settings). When it did not, work is never dropped
silently: a task declared with `inline_when_broker_down=True` (cheap work: refreshing
indicators, sending a notice) runs in this process and a warning is logged; any other task
(imports, report generation) raises QueueUnavailableError, which carries a message for the user,
after logging an error.
"""

import logging

from celery import Task
from celery.result import AsyncResult, EagerResult
from django.db import transaction
from django.utils.translation import gettext as _
from kombu.exceptions import OperationalError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

BROKER_UNAVAILABLE = (OperationalError, RedisConnectionError, RedisTimeoutError, OSError)


class QueueUnavailableError(Exception):
    """The broker refused a task that must not run inside a web request."""

    def __init__(self, task_name: str) -> None:
        self.task_name = task_name
        super().__init__(
            _(
                "The background job queue is unavailable, so this job was not started. "
                "Please try again in a few minutes."
            )
        )


def enqueue(task: Task, *args, **kwargs) -> AsyncResult | EagerResult:
    """`task.delay(*args, **kwargs)` that never loses the task silently."""
    try:
        # Callers follow progress in the database. Without ignore_result, Celery would first
        # subscribe to the result store and retry a dead Redis for twenty seconds.
        return task.apply_async(args, kwargs, ignore_result=True)
    except BROKER_UNAVAILABLE as error:
        if getattr(task, "inline_when_broker_down", False):
            logger.warning("Broker unavailable (%s): running %s inline", error, task.name)
            return task.apply(args, kwargs)
        logger.error("Broker unavailable (%s): %s was not queued", error, task.name)
        raise QueueUnavailableError(task.name) from error


def enqueue_on_commit(task: Task, *args, **kwargs) -> None:
    """Enqueue once the current transaction commits (a worker must see its rows)."""
    transaction.on_commit(lambda: enqueue(task, *args, **kwargs))
