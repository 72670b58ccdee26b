"""Operators register themselves, keep their details up to date and describe their tour
products; city staff may do the same for any operator (and in the admin)."""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from tsunagu.partners.models import Partner
from tsunagu.tourism.indicators_feed import tourism_indicators_refresh_on_commit
from tsunagu.tourism.models import Operator, TourProduct
from tsunagu.tourism.policy import can_manage_operator
from tsunagu.tourism.selectors import operator_partner_choices

SLUG_MAX = 80
SLUG_FALLBACK = "operator"
OPERATOR_EDITABLE = frozenset(
    {
        "name_ja",
        "name_en",
        "type",
        "description_ja",
        "description_en",
        "area",
        "website",
        "partner",
    }
)
TOUR_PRODUCT_EDITABLE = frozenset(
    {
        "title_ja",
        "title_en",
        "itinerary_ja",
        "itinerary_en",
        "duration_minutes",
        "places",
        "price_yen",
        "languages",
    }
)


def operator_slug_new(*names: str) -> str:
    """A free slug from the first name that gives one ('Kutani Studio' -> 'kutani-studio',
    then 'kutani-studio-2'); a name in Japanese script only gives 'operator-<n>'."""
    base = next((s for s in (slugify(n or "")[: SLUG_MAX - 4].strip("-") for n in names) if s), "")
    taken = set(
        Operator.objects.filter(slug__startswith=base or SLUG_FALLBACK).values_list(
            "slug", flat=True
        )
    )
    if base and base not in taken:
        return base
    base = base or SLUG_FALLBACK
    n = 1 if base == SLUG_FALLBACK else 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def _check_fields(fields: dict, allowed: frozenset[str]) -> None:
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"not editable here: {', '.join(sorted(unknown))}")


def _check_partner(by, partner: Partner | None, current_id: int | None = None) -> None:
    """Only a partner the account acts for may be linked (an existing link may stay)."""
    if partner is None or partner.pk == current_id:
        return
    if not operator_partner_choices(by).filter(pk=partner.pk).exists():
        raise ValidationError(
            {"partner": _("You can only link an approved partner you are a member of.")}
        )


def _check_names(instance, field: str, message: str) -> None:
    if not (getattr(instance, f"{field}_ja", "") or getattr(instance, f"{field}_en", "")):
        raise ValidationError({f"{field}_ja": message})


@transaction.atomic
def operator_create(
    *,
    name: str = "",
    type: str,
    members: Iterable = (),
    slug: str = "",
    is_demo: bool = False,
    by=None,
    **fields,
) -> Operator:
    """Registers an operator. `name` is in the active language; `name_ja` and `name_en` may
    be given instead. With `by` (the self-service form), that account becomes a member and
    may link only a partner it is an approved member of; without it (staff, the demo, tests)
    nothing is checked."""
    if by is not None:
        _check_fields(fields, OPERATOR_EDITABLE)
        _check_partner(by, fields.get("partner"))
    if name:
        fields = {"name": name, **fields}
    operator = Operator(type=type, is_demo=is_demo, **fields)
    _check_names(operator, "name", _("Give the name in Japanese or in English."))
    operator.slug = slug or operator_slug_new(
        fields.get("name_en") or "", name, fields.get("name_ja") or ""
    )
    operator.full_clean()
    operator.save()
    operator.members.add(*members, *([by] if by is not None else []))
    if operator.area_id:
        tourism_indicators_refresh_on_commit()  # a new operator changes the certified share
    return operator


@transaction.atomic
def operator_update(*, operator: Operator, by, **fields) -> Operator:
    """Members and city staff change the operator's public details; its slug, members,
    workshop and demo flag stay as they are."""
    if not can_manage_operator(by, operator):
        raise PermissionDenied
    _check_fields(fields, OPERATOR_EDITABLE)
    operator = Operator.objects.select_for_update().get(pk=operator.pk)
    if "partner" in fields:
        _check_partner(by, fields["partner"], current_id=operator.partner_id)
    area_before = operator.area_id
    for field, value in fields.items():
        setattr(operator, field, value)
    _check_names(operator, "name", _("Give the name in Japanese or in English."))
    operator.full_clean()
    operator.save()
    if operator.area_id != area_before:
        tourism_indicators_refresh_on_commit()
    return operator


def _product_save(product: TourProduct, fields: dict, partners) -> TourProduct:
    _check_fields(fields, TOUR_PRODUCT_EDITABLE)
    for field, value in fields.items():
        setattr(product, field, value)
    _check_names(product, "title", _("Give the title in Japanese or in English."))
    product.full_clean()
    product.save()
    if partners is not None:
        product.partners.set(list(partners))
    return product


@transaction.atomic
def tour_product_create(
    *, operator: Operator, by, partners: Iterable[Partner] = (), **fields
) -> TourProduct:
    if not can_manage_operator(by, operator):
        raise PermissionDenied
    return _product_save(TourProduct(operator=operator), fields, partners)


@transaction.atomic
def tour_product_update(
    *, product: TourProduct, by, partners: Iterable[Partner] | None = None, **fields
) -> TourProduct:
    """Changes the given fields; `partners`, when given, replaces the partners involved."""
    if not can_manage_operator(by, product.operator):
        raise PermissionDenied
    product = TourProduct.objects.select_for_update().get(pk=product.pk)
    return _product_save(product, fields, partners)


@transaction.atomic
def tour_product_delete(*, product: TourProduct, by) -> None:
    if not can_manage_operator(by, product.operator):
        raise PermissionDenied
    product.delete()
