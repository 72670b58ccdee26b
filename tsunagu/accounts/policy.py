"""Who may do what: every object-level permission check lives here.

Objects opt in by duck typing: `is_published` (public visibility) and
`owner_organisation_id` (the organisation whose members may edit it).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models

from tsunagu.accounts.roles import Role


def is_administrator(user) -> bool:
    return bool(user.is_authenticated and user.is_active and user.is_superuser)


def _in_group(user, role: Role) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    cache = getattr(user, "_tsunagu_groups", None)
    if cache is None:
        cache = set(user.groups.values_list("name", flat=True))
        user._tsunagu_groups = cache
    return role.value in cache


def is_city_staff(user) -> bool:
    return is_administrator(user) or _in_group(user, Role.CITY_STAFF)


def is_assessor(user) -> bool:
    return _in_group(user, Role.ASSESSOR)


def organisation_ids(user) -> set[int]:
    if not (user.is_authenticated and user.is_active):
        return set()
    return set(user.organisations.values_list("pk", flat=True))


def is_partner_member(user) -> bool:
    """A member of an organisation that is an approved or active programme partner."""
    from tsunagu.partners.models import PUBLIC_STATUSES, Partner

    ids = organisation_ids(user)
    return (
        bool(ids)
        and Partner.objects.filter(organisation_id__in=ids, status__in=PUBLIC_STATUSES).exists()
    )


def user_roles(user) -> list[Role]:
    roles = []
    if is_administrator(user):
        roles.append(Role.ADMINISTRATOR)
    if _in_group(user, Role.CITY_STAFF):
        roles.append(Role.CITY_STAFF)
    if organisation_ids(user):
        roles.append(Role.PARTNER_MEMBER)
    if is_assessor(user):
        roles.append(Role.ASSESSOR)
    return roles


def can_see_drafts(user) -> bool:
    return is_city_staff(user)


def can_view(user, obj) -> bool:
    if getattr(obj, "is_published", True):
        return True
    if is_city_staff(user):
        return True
    owner = getattr(obj, "owner_organisation_id", None)
    return owner is not None and owner in organisation_ids(user)


def can_edit(user, obj) -> bool:
    if is_city_staff(user):
        return True
    owner = getattr(obj, "owner_organisation_id", None)
    return owner is not None and owner in organisation_ids(user)


def can_publish(user, obj) -> bool:
    """Publishing is an editorial decision of the city, not of the partner."""
    return is_city_staff(user)


def can_manage_sdg_framework(user) -> bool:
    return is_city_staff(user)


def can_review(user, obj: models.Model) -> bool:
    if is_city_staff(user):
        return True
    if not is_assessor(user):
        return False
    return user.review_assignments.filter(
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
    ).exists()
