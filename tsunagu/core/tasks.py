"""Handing work to the Celery workers, and what happens when the broker is unreachable.

`enqueue` finds out at once whether the broker took the task (a short connection timeout and
publish retry policy, see CELERY_* in the settings). When it did not, work is never dropped
silently: a task declared with `inline_when_broker_down=True` (cheap work: refreshing
indicators, sending a notice) runs in this process and a warning is logged; any other task
(imports, report generation) raises QueueUnavailableError, which carries a message for the user,
after logging an error. A task declared with `arguments_are_personal=True` keeps its
arguments out of Celery's logs. `email_send` is the task every email goes through.
"""

import logging

from celery import Task, shared_task
from celery.result import AsyncResult, EagerResult
from django.db import transaction
from django.utils.translation import gettext as _
from kombu.exceptions import OperationalError
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from tsunagu.core.emails import EmailNotSentError, email_deliver

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
    options = {}
    if getattr(task, "arguments_are_personal", False):
        # Celery shows arguments in its logs and monitoring; these hold addresses.
        options = {"argsrepr": "(personal data)", "kwargsrepr": "{}"}
    try:
        # Callers follow progress in the database. Without ignore_result, Celery would first
        # subscribe to the result store and retry a dead Redis for twenty seconds.
        return task.apply_async(args, kwargs, ignore_result=True, **options)
    except BROKER_UNAVAILABLE as error:
        if getattr(task, "inline_when_broker_down", False):
            logger.warning("Broker unavailable (%s): running %s inline", error, task.name)
            return task.apply(args, kwargs)
        logger.error("Broker unavailable (%s): %s was not queued", error, task.name)
        raise QueueUnavailableError(task.name) from error


def enqueue_on_commit(task: Task, *args, **kwargs) -> None:
    """Enqueue once the current transaction commits (a worker must see its rows)."""
    transaction.on_commit(lambda: enqueue(task, *args, **kwargs))


# Five retries, waiting a random time up to 30 s, 1, 2, 4 and 8 minutes: a mail server
# restart or a greylisting "try later" is over by then. Delivery is at least once (acks_late):
# a worker lost mid-send may send the same email twice, which is better than never.
@shared_task(
    bind=True,
    name="tsunagu.core.tasks.email_send",
    inline_when_broker_down=True,
    arguments_are_personal=True,
    autoretry_for=(EmailNotSentError,),
    retry_backoff=30,
    retry_backoff_max=15 * 60,
    max_retries=5,
)
def email_send(self, payload: dict, log_ref: str) -> bool:
    """Send an email built in the request (tsunagu.core.emails); inline runs never retry, so a
    request does not wait for a mail server."""
    return email_deliver(payload, log_ref=log_ref, may_retry=not self.request.is_eager)
