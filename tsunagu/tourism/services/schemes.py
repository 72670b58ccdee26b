"""Shipping the default schemes and copying a scheme version into a new one."""

from decimal import Decimal

from django.db import transaction

from tsunagu.tourism.models import Indicator, Item, Scheme, SchemeVersion
from tsunagu.tourism.scheme_data import KANAZAWA, SCHEMES


def _version_create(scheme: Scheme, data: dict) -> SchemeVersion:
    rules = data["rules"]
    version = SchemeVersion.objects.create(
        scheme=scheme,
        number=1,
        min_indicators=rules["min_indicators"],
        required_indicator_codes=rules["required_indicator_codes"],
        item_share_needed=Decimal(rules["item_share_needed"]),
        appeal_days=rules["appeal_days"],
        validity_days=rules["validity_days"],
        is_paraphrase=rules["is_paraphrase"],
    )
    for position, (code, title_ja, title_en, items) in enumerate(data["indicators"]):
        indicator = Indicator.objects.create(
            version=version, code=code, position=position, title_ja=title_ja, title_en=title_en
        )
        for number, (item_ja, item_en, mandatory, evidence, goals) in enumerate(items, start=1):
            Item.objects.create(
                indicator=indicator,
                code=item_en.split(" ", 1)[0] if code.isalpha() else f"{code}.{number}",
                position=number,
                title_ja=item_ja,
                title_en=item_en,
                is_mandatory=mandatory,
                evidence_expected_en=evidence,
                related_goals=goals,
            )
    return version


@transaction.atomic
def schemes_seed() -> None:
    """Creates the shipped schemes if they do not exist yet (idempotent)."""
    for data in SCHEMES:
        scheme, created = Scheme.objects.get_or_create(
            code=data["code"],
            defaults={
                "name_ja": data["name_ja"],
                "name_en": data["name_en"],
                "description_ja": data["description_ja"],
                "description_en": data["description_en"],
                "is_default": data is KANAZAWA,
            },
        )
        if created or not scheme.versions.exists():
            _version_create(scheme, data)


def default_version() -> SchemeVersion | None:
    scheme = Scheme.objects.filter(is_default=True).first()
    return scheme.current_version() if scheme else None


@transaction.atomic
def scheme_version_copy(*, version: SchemeVersion, note: str = "") -> SchemeVersion:
    """A new version with the same rules, indicators and items, to be edited; applications
    stay tied to the version they were made under."""
    number = (
        SchemeVersion.objects.select_for_update()
        .filter(scheme=version.scheme)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    indicators = list(version.indicators.prefetch_related("items"))
    copy = SchemeVersion.objects.get(pk=version.pk)
    copy.pk = None
    copy.number = number + 1
    copy.note = note
    copy.save()
    for indicator in indicators:
        items = list(indicator.items.all())
        indicator.pk = None
        indicator.version = copy
        indicator.save()
        for item in items:
            item.pk = None
            item.indicator = indicator
            item.save()
    return copy
