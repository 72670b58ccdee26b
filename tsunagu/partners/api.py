"""Open data API: the rows of the open-data ZIP as JSON, with filters by SDG, type and year."""

from ninja import Router, Schema
from ninja.decorators import decorate_view

from tsunagu.core.api_common import Year
from tsunagu.core.cache import cached_for_anonymous
from tsunagu.partners import open_data
from tsunagu.partners.apps import CACHE_DOMAIN

router = Router(tags=["open data"])


class PartnerOut(Schema):
    slug: str
    name_ja: str
    name_en: str
    type: str
    sector: str
    size: str
    registered_on: str
    status: str
    sdgs: str
    website: str


class OpenDataProjectOut(Schema):
    slug: str
    title_ja: str
    title_en: str
    lead_partner: str
    co_partners: str
    status: str
    starts_on: str
    ends_on: str
    sdgs: str
    deliverables: int
    deliverables_done: int
    last_report_year: int | str


class EventOut(Schema):
    id: int
    title_ja: str
    title_en: str
    type: str
    series: str
    number: int | str
    starts_at: str
    ends_at: str
    mode: str
    place: str
    audience: str
    capacity: int | str
    status: str
    sdgs: str
    registered: int
    attended: int
    waitlisted: int


@router.get("/partners", response=list[PartnerOut])
@decorate_view(cached_for_anonymous(CACHE_DOMAIN))
def open_partners(
    request, sdg: int | None = None, type: str | None = None, year: Year | None = None
):
    """Approved and active partners; `year` is the year of registration."""
    return open_data.partner_rows(sdg=sdg, kind=type, year=year)


@router.get("/projects", response=list[OpenDataProjectOut])
@decorate_view(cached_for_anonymous(CACHE_DOMAIN))
def open_projects(
    request, sdg: int | None = None, status: str | None = None, year: Year | None = None
):
    """Published projects; `year` keeps those running during that year."""
    return open_data.project_rows(sdg=sdg, status=status, year=year)


@router.get("/events", response=list[EventOut])
def open_events(request, sdg: int | None = None, type: str | None = None, year: Year | None = None):
    """Published and cancelled events with attendance counts; `year` is the year held."""
    return open_data.event_rows(sdg=sdg, kind=type, year=year)
