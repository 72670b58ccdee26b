"""Capacity is never oversold: every write that changes who holds a seat first locks the event
row (SELECT ... FOR UPDATE on PostgreSQL) and counts the confirmed seats under that lock.
SQLite has no row locks but serialises writers; a writer that finds the database locked
gives up at once, so on SQLite the whole transaction is retried a few times.
"""

import functools
import random
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from django.db import OperationalError, connection

from tsunagu.events.models import Event

P = ParamSpec("P")
R = TypeVar("R")

SQLITE_LOCK_ATTEMPTS = 40


def _sqlite_locked(error: OperationalError) -> bool:
    return (
        connection.vendor == "sqlite" and not connection.in_atomic_block and "locked" in str(error)
    )


def retry_when_sqlite_is_locked(func: Callable[P, R]) -> Callable[P, R]:
    """Run func again when SQLite refuses a concurrent writer ("database is locked").

    Only outside an enclosing transaction: a retry inside someone else's transaction
    would repeat half of it.
    """

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        for attempt in range(SQLITE_LOCK_ATTEMPTS - 1):
            try:
                return func(*args, **kwargs)
            except OperationalError as error:
                if not _sqlite_locked(error):
                    raise
            time.sleep(random.uniform(0.001, 0.005 * 2 ** min(attempt, 5)))  # noqa: S311
        return func(*args, **kwargs)

    return wrapper


def event_lock(event: Event) -> Event:
    return Event.objects.select_for_update().get(pk=event.pk)
