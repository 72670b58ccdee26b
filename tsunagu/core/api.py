"""Read endpoints for the SDG framework and places (thin: selectors do the work)."""

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja.decorators import decorate_view

from tsunagu.accounts.api_auth import request_user
from tsunagu.core import selectors
from tsunagu.core.apps import CACHE_DOMAIN
from tsunagu.core.cache import cached_for_anonymous
from tsunagu.core.models import Area, Goal

router = Router(tags=["sdg framework and places"])


class GoalOut(Schema):
    number: int
    short_title_ja: str
    short_title_en: str
    title_ja: str
    title_en: str
    colour: str


class TargetOut(Schema):
    code: str
    goal: int = Field(..., alias="goal_id")
    title_ja: str
    title_en: str


class LocalTargetOut(Schema):
    code: str
    target: str = Field(..., alias="target.code")
    goal: int = Field(..., alias="target.goal_id")
    title_ja: str
    title_en: str | None
    description_ja: str | None
    description_en: str | None
    status: str
    is_demo: bool


class AreaOut(Schema):
    code: str
    kind: str
    name_ja: str
    name_en: str | None
    parent: str | None = Field(None, alias="parent.code")
    centroid_lat: float | None
    centroid_lon: float | None


class AreaDetailOut(AreaOut):
    members: list[str]
    geometry: dict | None
    geometry_source: str

    @staticmethod
    def resolve_members(obj: Area) -> list[str]:
        return list(obj.members.values_list("code", flat=True))


@router.get("/goals", response=list[GoalOut])
@decorate_view(cached_for_anonymous(CACHE_DOMAIN))
def goal_list(request: HttpRequest):
    return selectors.goal_list()


@router.get("/goals/{number}", response=GoalOut)
@decorate_view(cached_for_anonymous(CACHE_DOMAIN))
def goal_get(request: HttpRequest, number: int):
    return get_object_or_404(Goal, number=number)


@router.get("/targets", response=list[TargetOut])
@decorate_view(cached_for_anonymous(CACHE_DOMAIN))
def target_list(request: HttpRequest, goal: int | None = None):
    return selectors.target_list(goal=goal)


@router.get("/local-targets", response=list[LocalTargetOut])
@decorate_view(cached_for_anonymous(CACHE_DOMAIN))
def local_target_list(request: HttpRequest, goal: int | None = None):
    return selectors.local_target_list(user=request_user(request), goal=goal)


@router.get("/areas", response=list[AreaOut])
def area_list(request: HttpRequest, kind: str | None = None, parent: str | None = None):
    return selectors.area_list(kind=kind, parent=parent)


@router.get("/areas/{code}", response=AreaDetailOut)
def area_get(request: HttpRequest, code: str):
    try:
        return selectors.area_get(code=code)
    except Area.DoesNotExist:
        raise Http404(f"no area with code {code}") from None
