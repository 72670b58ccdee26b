"""Network API under /api/v1/network: member cities, exchanges and annual meetings."""

from datetime import date

from django.http import Http404
from ninja import Router, Schema
from ninja.decorators import decorate_view

from tsunagu.core.cache import cached_for_anonymous
from tsunagu.network import selectors
from tsunagu.network.apps import CACHE_DOMAIN
from tsunagu.network.models import AnnualMeeting, CreativeCity, Exchange

router = Router(tags=["network"])


class CityOut(Schema):
    slug: str
    name_en: str
    name_ja: str
    field: str
    country: str | None
    designation_year: int | None
    latitude: float | None
    longitude: float | None
    unesco_url: str
    facts_source: str
    coordinates_source: str

    @staticmethod
    def resolve_name_en(city: CreativeCity) -> str:
        return city.name_en or city.unesco_name

    @staticmethod
    def resolve_name_ja(city: CreativeCity) -> str:
        return city.name_ja or ""

    @staticmethod
    def resolve_country(city: CreativeCity) -> str | None:
        return city.country or None


class CityRef(Schema):
    slug: str
    name_en: str

    @staticmethod
    def resolve_name_en(city: CreativeCity) -> str:
        return city.name_en or city.unesco_name


class ExchangeOut(Schema):
    id: int
    city: CityRef
    partner: CityRef
    kind: str
    title_ja: str
    title_en: str | None
    start_date: date
    end_date: date | None
    people_ja: str | None
    people_en: str | None
    outcomes_ja: str | None
    outcomes_en: str | None
    programme_url: str
    source_url: str
    is_demo: bool


class MeetingOut(Schema):
    year: int
    host_city: CityRef
    kanazawa_attended: bool | None
    attendance_note_ja: str | None
    attendance_note_en: str | None
    source_url: str
    is_demo: bool


@router.get("/cities", response=list[CityOut])
@decorate_view(cached_for_anonymous(CACHE_DOMAIN))
def city_list(request, field: str = "", country: str = ""):
    return list(selectors.creative_city_list(field=field, country=country))


@router.get("/cities/{slug}", response=CityOut)
@decorate_view(cached_for_anonymous(CACHE_DOMAIN))
def city_get(request, slug: str):
    try:
        return selectors.creative_city_get(slug=slug)
    except CreativeCity.DoesNotExist:
        raise Http404 from None


@router.get("/exchanges", response=list[ExchangeOut])
@decorate_view(cached_for_anonymous(CACHE_DOMAIN))
def exchange_list(request, city: str = "", kind: str = "") -> list[Exchange]:
    subject = None
    if city:
        subject = CreativeCity.objects.filter(slug=city).first()
        if subject is None:
            return []
    return list(selectors.exchange_list(city=subject, kind=kind))


@router.get("/meetings", response=list[MeetingOut])
@decorate_view(cached_for_anonymous(CACHE_DOMAIN))
def meeting_list(request) -> list[AnnualMeeting]:
    return list(selectors.annual_meeting_list())
