"""A Redis cache that a Redis outage turns into cache misses instead of server errors.

Django's RedisCache raises on a refused or timed-out connection, so a stopped Redis would
take every page down with it. Here reads return the default and writes do nothing while
Redis is unreachable; after a failure the backend stops trying for RETRY_AFTER seconds, so a
dead (or black-holed) Redis costs one short timeout per process per interval, not one per
cache call. Sessions stay available through the cached_db engine, which falls back to the
database on a miss.
"""

import logging
import time

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNAVAILABLE = (RedisConnectionError, RedisTimeoutError)
RETRY_AFTER = 5.0  # seconds without calling Redis after a failure
WARN_EVERY = 60.0  # seconds between two warnings about the same outage
# Loopback answers in microseconds; a remote Redis in the same rack in well under 100 ms.
DEFAULT_TIMEOUTS = {"socket_connect_timeout": 0.25, "socket_timeout": 0.5}


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._options = {**DEFAULT_TIMEOUTS, **self._options}
        self._down_until = 0.0
        self._warned_at = float("-inf")

    def _call(self, method: str, *args, fallback=None, **kwargs):
        if time.monotonic() < self._down_until:
            return fallback
        try:
            return getattr(super(), method)(*args, **kwargs)
        except UNAVAILABLE as error:
            now = time.monotonic()
            self._down_until = now + RETRY_AFTER
            if now - self._warned_at >= WARN_EVERY:
                self._warned_at = now
                logger.warning("Redis cache unavailable, serving without it: %s", error)
            return fallback

    def get(self, key, default=None, version=None):
        return self._call("get", key, default, version, fallback=default)

    def get_many(self, keys, version=None):
        return self._call("get_many", keys, version, fallback={})

    def has_key(self, key, version=None):
        return self._call("has_key", key, version, fallback=False)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", key, value, timeout, version, fallback=False)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._call("set", key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", data, timeout, version, fallback=list(data))

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", key, timeout, version, fallback=False)

    def delete(self, key, version=None):
        return self._call("delete", key, version, fallback=False)

    def delete_many(self, keys, version=None):
        self._call("delete_many", keys, version)

    def incr(self, key, delta=1, version=None):
        # Django's contract for a missing key: callers (rate limits, counters) handle it.
        missing = object()
        result = self._call("incr", key, delta, version, fallback=missing)
        if result is missing:
            raise ValueError(f"Key '{key}' not found (cache unavailable)")
        return result

    def clear(self):
        return self._call("clear", fallback=False)
