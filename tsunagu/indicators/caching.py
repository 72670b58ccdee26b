"""Page and API caching keyed by the scores' version.

Scores change only when they are recomputed after an import, so a rendered page stays valid
until then. The version is the highest Score id (recomputing inserts new rows); it is read
through the cache with a short lifetime, so that with a per-process cache (no Redis) other
processes notice a recomputation within VERSION_TTL seconds, and with Redis at once, since
`scores_version_bump` deletes it.
"""

from collections.abc import Callable
from functools import wraps

from django.core.cache import cache
from django.db.models import Max
from django.http import HttpRequest, HttpResponse

from tsunagu.core.cache import is_cacheable, response_cache_key, response_cached
from tsunagu.indicators.models import Score

VERSION_KEY = "indicators:scores-version"
VERSION_TTL = 30
PAGE_TTL = 60 * 60


def scores_version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = str(Score.objects.aggregate(latest=Max("id"))["latest"] or 0)
        cache.set(VERSION_KEY, version, VERSION_TTL)
    return version


def scores_version_bump() -> None:
    cache.delete(VERSION_KEY)


def cached_by_scores(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Cache successful anonymous GET responses until the scores change."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not is_cacheable(request):
            return view(request, *args, **kwargs)
        key = response_cache_key(request, prefix="scores", version=scores_version())
        return response_cached(request, key, lambda: view(request, *args, **kwargs), PAGE_TTL)

    return wrapper
