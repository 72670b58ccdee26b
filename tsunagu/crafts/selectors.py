"""Reads of the crafts app. Only published workshops and artisans are public."""

from django.db.models import Prefetch, Q, QuerySet

from tsunagu.crafts.models import Artisan, Craft, OpeningHours, Weekday, Workshop
from tsunagu.crafts.validators import LANGUAGE_NAMES


def craft_list() -> QuerySet[Craft]:
    return Craft.objects.all()


def craft_get(*, slug: str) -> Craft:
    return (
        Craft.objects.select_related("cultural_element")
        .prefetch_related(
            "sources",
            "images",
            "materials__taxon",
            "materials__material",
            "materials__service",
            Prefetch("workshops", queryset=workshop_list()),
            Prefetch("artisans", queryset=artisan_list()),
        )
        .get(slug=slug)
    )


def workshop_list(*, craft: Craft | None = None) -> QuerySet[Workshop]:
    workshops = Workshop.objects.filter(is_published=True).prefetch_related("crafts")
    if craft is not None:
        workshops = workshops.filter(crafts=craft)
    return workshops.distinct()


def workshop_get(*, slug: str) -> Workshop:
    return Workshop.objects.prefetch_related(
        "crafts",
        "opening_hours",
        Prefetch("artisans", queryset=artisan_list()),
    ).get(slug=slug, is_published=True)


def artisan_list() -> QuerySet[Artisan]:
    """Published artisans whose workshop (if any) is published too."""
    return (
        Artisan.objects.filter(is_published=True)
        .filter(Q(workshop__isnull=True) | Q(workshop__is_published=True))
        .select_related("workshop")
        .prefetch_related("crafts")
    )


def artisan_get(*, slug: str) -> Artisan:
    return artisan_list().get(slug=slug)


def languages_named(codes: list[str]) -> list[str]:
    return [LANGUAGE_NAMES.get(code, code) for code in codes or []]


def opening_hours_by_day(workshop: Workshop) -> list[dict]:
    """Each weekday Monday to Sunday with its opening periods (empty when closed)."""
    hours: list[OpeningHours] = list(workshop.opening_hours.all())
    return [
        {
            "weekday": day.value,
            "label": day.label,
            "periods": [h for h in hours if h.weekday == day.value],
        }
        for day in Weekday
    ]
