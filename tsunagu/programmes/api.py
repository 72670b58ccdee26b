"""Programmes API: published programmes and calls, and the yearly figures."""

from datetime import datetime

from django.http import Http404, HttpRequest
from ninja import Router, Schema

from tsunagu.programmes import selectors
from tsunagu.programmes.models import Call, Programme

router = Router(tags=["programmes"])


class ProgrammeCallOut(Schema):
    id: int
    programme: str
    title_ja: str
    title_en: str | None
    eligibility_ja: str | None
    eligibility_en: str | None
    opens_at: datetime
    deadline: datetime
    is_demo: bool

    @staticmethod
    def resolve_programme(call: Call) -> str:
        return call.programme.slug


class ProgrammeOut(Schema):
    slug: str
    kind: str
    title_ja: str
    title_en: str | None
    description_ja: str | None
    description_en: str | None
    organiser: str | None
    crafts: list[str]
    event_series: str | None
    is_demo: bool

    @staticmethod
    def resolve_organiser(programme: Programme) -> str | None:
        return programme.organiser.slug if programme.organiser else None

    @staticmethod
    def resolve_crafts(programme: Programme) -> list[str]:
        return [craft.slug for craft in programme.crafts.all()]

    @staticmethod
    def resolve_event_series(programme: Programme) -> str | None:
        return programme.event_series.slug if programme.event_series else None


class ProgrammeCityOut(Schema):
    city: str
    country: str
    dispatched: int


class FiguresOut(Schema):
    year: int
    scholarships_awarded: int
    children_reached: int
    craftsmen_dispatched: int
    residents_hosted: int
    cities: list[ProgrammeCityOut]


@router.get("/", response=list[ProgrammeOut])
def programme_list(request: HttpRequest):
    return list(selectors.programme_list(user=request.user).select_related("event_series"))


@router.get("/calls", response=list[ProgrammeCallOut])
def call_list(request: HttpRequest):
    return list(selectors.call_list(user=request.user))


@router.get("/figures", response=list[FiguresOut])
def figures(request: HttpRequest):
    return selectors.figures_by_year()


@router.get("/{slug}", response=ProgrammeOut)
def programme_detail(request: HttpRequest, slug: str):
    try:
        return selectors.programme_get(slug=slug, user=request.user)
    except Programme.DoesNotExist:
        raise Http404 from None
