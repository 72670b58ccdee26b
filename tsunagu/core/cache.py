"""Versioned caching of public responses and page fragments, invalidated by data changes.

Cached things belong to domains ("crafts", "partners", "sdgs"). Each domain has a version token in
the cache and every cache key carries the tokens of its domains. A committed save or delete
of a model that feeds a domain drops the token (`cache_invalidate_on_change`), so entries
built from the old data are never read again and simply expire. Changing the key rather than
deleting entries is race-free: a request that read the old token while the change committed
stores its result under a key nobody asks for any more.

Only anonymous GET requests are served from the cache, and a response that carries anything
of its visitor's (a message, a CSRF token, a cookie, a session write) is not stored.
Code that writes with QuerySet.update() or bulk_create() bypasses the model signals and must
call `cache_model_changed` itself.
"""

import hashlib
from collections import defaultdict
from collections.abc import Callable
from functools import wraps
from urllib.parse import urlencode
from uuid import uuid4

from django.conf import settings
from django.core.cache import cache
from django.db import models, transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils.translation import get_language

# Headers worth replaying from a cached response (Content-Disposition names CSV downloads).
REPLAYED_HEADERS = ("Content-Type", "Content-Disposition", "Content-Language")


def _version_key(domain: str) -> str:
    return f"cache-version:{domain}"


def cache_versions(*domains: str) -> str:
    """The current tokens of `domains`, joined; a fresh token for a domain that has none."""
    keys = [_version_key(domain) for domain in domains]
    found = cache.get_many(keys)
    tokens = []
    for key in keys:
        token = found.get(key)
        if token is None:
            token = uuid4().hex
            # Another process may have set one meanwhile: theirs wins. An unreachable cache
            # stores nothing and every request gets a fresh token, i.e. a miss.
            if not cache.add(key, token, timeout=None):
                token = cache.get(key) or token
        tokens.append(token)
    return ".".join(tokens)


def cache_version_bump(*domains: str) -> None:
    cache.delete_many([_version_key(domain) for domain in domains])


# Fields no public page shows: a save that touches only these (Django records every sign-in
# with save(update_fields=["last_login"])) leaves the cached pages valid.
BOOKKEEPING_FIELDS = frozenset({"last_login"})

# Which domains each model feeds, for the writes that send no signal (cache_model_changed).
_domains_of_model: dict[type[models.Model], set[str]] = defaultdict(set)


def cache_invalidate_on_change(domain: str, *senders: type[models.Model]) -> None:
    """Bump `domain` after every committed save or delete of `senders` (models or the
    through models of many-to-many fields). Call from AppConfig.ready, so that management
    commands and workers invalidate as well as web requests."""

    def changed(sender, using: str = "default", **kwargs) -> None:
        update_fields = kwargs.get("update_fields")
        if update_fields and update_fields <= BOOKKEEPING_FIELDS:
            return
        if kwargs.get("action", "post_").startswith("post_"):
            transaction.on_commit(lambda: cache_version_bump(domain), using=using)

    for sender in senders:
        _domains_of_model[sender].add(domain)
        uid = f"cache:{domain}:{sender._meta.label}"
        post_save.connect(changed, sender=sender, weak=False, dispatch_uid=uid)
        post_delete.connect(changed, sender=sender, weak=False, dispatch_uid=uid)
        if sender._meta.auto_created:  # an implicit m2m table: changes arrive as m2m_changed
            m2m_changed.connect(changed, sender=sender, weak=False, dispatch_uid=uid)


def cache_model_changed(model: type[models.Model], using: str = "default") -> None:
    """Bump, once the transaction commits, every domain `model` feeds: for writes that send no
    signal (QuerySet.update(), bulk_create(), bulk_update()) and for changes of what belongs to
    a row of `model`, such as its SDG tags."""
    domains = sorted(_domains_of_model.get(model, ()))
    if domains:
        transaction.on_commit(lambda: cache_version_bump(*domains), using=using)


def _has_messages(request: HttpRequest) -> bool:
    # len() reads the pending messages without marking them as shown.
    storage = getattr(request, "_messages", None)
    return storage is not None and len(storage) > 0


def is_cacheable(request: HttpRequest) -> bool:
    """Anonymous full-page GETs only: a session or an API token may personalise the answer,
    and htmx asks the same address for a partial page. A visitor with a pending message gets
    a fresh page, which shows it."""
    return (
        request.method == "GET"
        and not request.user.is_authenticated
        and "HTTP_AUTHORIZATION" not in request.META
        and "HTTP_HX_REQUEST" not in request.META
        and not _has_messages(request)
    )


def is_personal(request: HttpRequest, response: HttpResponse) -> bool:
    """Whether a rendered response holds something of this visitor's, which another visitor
    must never be served: a message, a CSRF token (a form posting back), a cookie, anything
    written to their session, or a view's own "private"/"no-store"."""
    session = getattr(request, "session", None)  # ninja's test client has no real session
    cache_control = response.get("Cache-Control", "")
    return (
        _has_messages(request)
        or bool(request.META.get("CSRF_COOKIE_NEEDS_UPDATE"))
        or bool(response.cookies)
        or getattr(session, "modified", False)
        or "private" in cache_control
        or "no-store" in cache_control
    )


def response_cache_key(request: HttpRequest, *, prefix: str, version: str) -> str:
    # The parsed query (in a fixed order) rather than the raw query string: the same page
    # asked for with its parameters in another order is the same entry. Hashed, so that a
    # query of any length still makes a valid cache key.
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    address = hashlib.sha256(f"{request.path}?{query}".encode()).hexdigest()
    return f"response:{prefix}:{version}:{get_language()}:{address}"


def response_cached(
    request: HttpRequest, key: str, render: Callable[[], HttpResponse], timeout: int
) -> HttpResponse:
    """The cached copy of the response under `key`, or `render()`'s, stored if it is a 200
    for anybody (see is_personal)."""
    cached = cache.get(key)
    if cached is not None:
        content, headers = cached
        return HttpResponse(content, headers=headers)
    response = render()
    if response.status_code == 200 and not response.streaming:
        if hasattr(response, "render") and not response.is_rendered:
            response.render()  # a TemplateResponse: is_personal must see what it rendered
        if is_personal(request, response):
            return response
        headers = {name: response[name] for name in REPLAYED_HEADERS if response.has_header(name)}
        cache.set(key, (response.content, headers), timeout)
    return response


def cached_for_anonymous(*domains: str) -> Callable:
    """Decorate a view (or, through ninja's decorate_view, an API operation) so that its
    anonymous GET responses are cached until one of `domains` changes."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        prefix = "+".join(domains)

        @wraps(view)
        def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            if not is_cacheable(request):
                return view(request, *args, **kwargs)
            key = response_cache_key(request, prefix=prefix, version=cache_versions(*domains))
            return response_cached(
                request,
                key,
                lambda: view(request, *args, **kwargs),
                settings.TSUNAGU_PAGE_CACHE_SECONDS,
            )

        return wrapper

    return decorator


def fragment_cache_context(*domains: str) -> dict:
    """Context for `{% cache cache_seconds "name" cache_version %}` around a public fragment
    (one that shows nothing personal and holds no CSRF token)."""
    return {
        "cache_seconds": settings.TSUNAGU_PAGE_CACHE_SECONDS,
        "cache_version": cache_versions(*domains),
    }
