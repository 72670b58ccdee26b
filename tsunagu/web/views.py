"""Public pages of the site shell (thin: selectors do the reading)."""

from django.conf import settings
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from tsunagu.core import selectors as core_selectors
from tsunagu.core.apps import CACHE_DOMAIN as SDGS_CACHE_DOMAIN
from tsunagu.core.cache import cached_for_anonymous
from tsunagu.core.models import Area, CityProfile, Goal
from tsunagu.web.apps import CACHE_DOMAIN
from tsunagu.web.modules import MODULES_BY_SLUG


def _city_profile() -> CityProfile | None:
    return (
        CityProfile.objects.select_related("area__parent")
        .prefetch_related("facts")
        .filter(area__code=settings.TSUNAGU_CITY_CODE)
        .first()
    )


@cached_for_anonymous(CACHE_DOMAIN, SDGS_CACHE_DOMAIN)
def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "web/home.html",
        {
            "profile": _city_profile(),
            "goals": core_selectors.goal_list(),
        },
    )


@cached_for_anonymous(CACHE_DOMAIN)
def city_profile(request: HttpRequest) -> HttpResponse:
    profile = _city_profile()
    if profile is None:
        raise Http404("no city profile loaded (run `tsunagu load_demo`)")
    regions = profile.area.regions.prefetch_related("members")
    return render(request, "web/city_profile.html", {"profile": profile, "regions": regions})


@cached_for_anonymous(SDGS_CACHE_DOMAIN)
def module(request: HttpRequest, slug: str) -> HttpResponse:
    found = MODULES_BY_SLUG.get(slug)
    if found is None:
        raise Http404
    goals = Goal.objects.filter(number__in=found.goals)
    return render(request, "web/module.html", {"module": found, "goals": goals})


def terms(request: HttpRequest) -> HttpResponse:
    return render(request, "web/terms.html")


def privacy(request: HttpRequest) -> HttpResponse:
    return render(request, "web/privacy.html")


@cached_for_anonymous(CACHE_DOMAIN)
def area_detail(request: HttpRequest, code: str) -> HttpResponse:
    try:
        area = core_selectors.area_get(code=code)
    except Area.DoesNotExist:
        raise Http404 from None
    return render(
        request,
        "web/area_detail.html",
        {
            "area": area,
            "children": area.children.all()[:500],
            "members": area.members.all(),
        },
    )


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """Liveness and readiness: the database, and Redis when configured."""
    checks: dict[str, str] = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception as error:
        checks["database"] = f"error: {error.__class__.__name__}"
    if settings.REDIS_URL:
        try:
            import redis

            redis.Redis.from_url(settings.REDIS_URL, socket_connect_timeout=2).ping()
            checks["redis"] = "ok"
        except Exception as error:
            checks["redis"] = f"error: {error.__class__.__name__}"
    else:
        checks["redis"] = "not configured"
    healthy = all(v in ("ok", "not configured") for v in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": checks}, status=200 if healthy else 503
    )
