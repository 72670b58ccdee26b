"""Read-only API of the crafts catalogue (mounted at /api/v1/crafts). Bilingual fields come
as `_ja`/`_en` pairs. Workshop email addresses are never part of it."""

from django.http import Http404, HttpRequest
from ninja import Router, Schema
from ninja.decorators import decorate_view

from tsunagu.core.cache import cached_for_anonymous
from tsunagu.crafts import selectors
from tsunagu.crafts.apps import CACHE_DOMAIN
from tsunagu.crafts.models import Craft, Workshop

router = Router(tags=["crafts"])


class SourceOut(Schema):
    title: str
    url: str


class MaterialOut(Schema):
    name_ja: str | None
    name_en: str | None
    taxon_id: int | None
    taxon_scientific_name: str | None
    material_slug: str | None
    service: str | None

    @staticmethod
    def resolve_taxon_scientific_name(item) -> str | None:
        return item.taxon.scientific_name if item.taxon else None

    @staticmethod
    def resolve_material_slug(item) -> str | None:
        return item.material.slug if item.material else None

    @staticmethod
    def resolve_service(item) -> str | None:
        return f"{item.service.vocabulary}:{item.service.code}" if item.service else None


class ImageOut(Schema):
    url: str
    caption_ja: str | None
    caption_en: str | None
    credit: str
    licence: str

    @staticmethod
    def resolve_url(image) -> str:
        return image.image.url


class CraftOut(Schema):
    slug: str
    name_ja: str | None
    name_en: str | None
    designation: str
    meti_designation_year: int | None
    url: str

    @staticmethod
    def resolve_url(craft: Craft) -> str:
        return craft.get_absolute_url()


class CraftDetailOut(CraftOut):
    description_ja: str | None
    description_en: str | None
    techniques_ja: str | None
    techniques_en: str | None
    history_ja: str | None
    history_en: str | None
    materials: list[MaterialOut]
    images: list[ImageOut]
    sources: list[SourceOut]
    workshops: list[str]

    @staticmethod
    def resolve_materials(craft: Craft) -> list:
        return list(craft.materials.all())

    @staticmethod
    def resolve_images(craft: Craft) -> list:
        return list(craft.images.all())

    @staticmethod
    def resolve_sources(craft: Craft) -> list:
        return list(craft.sources.all())

    @staticmethod
    def resolve_workshops(craft: Craft) -> list[str]:
        return [workshop.slug for workshop in craft.workshops.all()]


class HoursOut(Schema):
    weekday: int
    opens: str
    closes: str


class ArtisanOut(Schema):
    slug: str
    name_ja: str | None
    name_en: str | None
    is_certified_traditional_craftsperson: bool
    is_demo: bool


class WorkshopOut(Schema):
    slug: str
    name_ja: str | None
    name_en: str | None
    crafts: list[str]
    latitude: float | None
    longitude: float | None
    is_demo: bool
    url: str

    @staticmethod
    def resolve_crafts(workshop: Workshop) -> list[str]:
        return [craft.slug for craft in workshop.crafts.all()]

    @staticmethod
    def resolve_url(workshop: Workshop) -> str:
        return workshop.get_absolute_url()


class WorkshopDetailOut(WorkshopOut):
    description_ja: str | None
    description_en: str | None
    address_ja: str | None
    address_en: str | None
    website: str
    languages: list[str]
    step_free_access: bool | None
    has_seating: bool | None
    accessible_toilet: bool | None
    accessibility_notes_ja: str | None
    accessibility_notes_en: str | None
    opening_hours: list[HoursOut]
    opening_hours_notes_ja: str | None
    opening_hours_notes_en: str | None
    artisans: list[ArtisanOut]

    @staticmethod
    def resolve_opening_hours(workshop: Workshop) -> list[dict]:
        return [
            {"weekday": h.weekday, "opens": f"{h.opens:%H:%M}", "closes": f"{h.closes:%H:%M}"}
            for h in workshop.opening_hours.all()
        ]

    @staticmethod
    def resolve_artisans(workshop: Workshop) -> list:
        return list(workshop.artisans.all())


@router.get("/crafts", response=list[CraftOut])
@decorate_view(cached_for_anonymous(CACHE_DOMAIN))
def crafts_list(request: HttpRequest) -> list:
    return list(selectors.craft_list())


@router.get("/crafts/{slug}", response=CraftDetailOut)
def crafts_detail(request: HttpRequest, slug: str) -> Craft:
    try:
        return selectors.craft_get(slug=slug)
    except Craft.DoesNotExist:
        raise Http404 from None


@router.get("/workshops", response=list[WorkshopOut])
@decorate_view(cached_for_anonymous(CACHE_DOMAIN))
def workshops_list(request: HttpRequest, craft: str = "") -> list:
    selected = selectors.craft_list().filter(slug=craft).first() if craft else None
    if craft and selected is None:
        return []
    return list(selectors.workshop_list(craft=selected))


@router.get("/workshops/{slug}", response=WorkshopDetailOut)
def workshops_detail(request: HttpRequest, slug: str) -> Workshop:
    try:
        return selectors.workshop_get(slug=slug)
    except Workshop.DoesNotExist:
        raise Http404 from None
