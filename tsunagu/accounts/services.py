"""Writes for users, roles, organisations, tokens and review assignments."""

import secrets
from collections.abc import Iterable

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import transaction

from tsunagu.accounts.models import (
    ApiToken,
    Membership,
    Organisation,
    ReviewAssignment,
    User,
)
from tsunagu.accounts.roles import Role
from tsunagu.core.models import Goal, PublicationStatus
from tsunagu.core.services import sdg_relations_set


@transaction.atomic
def user_create(
    *, email: str, password: str | None = None, full_name: str = "", roles: Iterable[Role] = ()
) -> User:
    user = User.objects.create_user(email=email, password=password, full_name=full_name)
    for role in roles:
        role_grant(user=user, role=role)
    return user


@transaction.atomic
def user_signup(*, email: str, password: str, full_name: str, language: str) -> User:
    """A citizen's self-service account: no role beyond the public's plus their own content."""
    user = user_create(email=email, password=password, full_name=full_name.strip())
    user.language = language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
    user.save(update_fields=["language"])
    return user


@transaction.atomic
def role_grant(*, user: User, role: Role) -> None:
    if role == Role.ADMINISTRATOR:
        user.is_superuser = user.is_staff = True
        user.save(update_fields=["is_superuser", "is_staff"])
    elif role == Role.PARTNER_MEMBER:
        raise ValueError("partner members are made by membership_add")
    else:
        user.groups.add(Group.objects.get(name=role.value))
        if role == Role.CITY_STAFF and not user.is_staff:
            user.is_staff = True  # city staff work in the admin too
            user.save(update_fields=["is_staff"])
    user.__dict__.pop("_tsunagu_groups", None)


@transaction.atomic
def administrator_ensure(*, email: str, password: str | None) -> tuple[User, bool, str | None]:
    """Create the administrator if missing: (user, created, generated password or None)."""
    user = User.objects.filter(email=email.lower()).first()
    if user is not None:
        return user, False, None
    generated = None
    if not password:
        password = generated = secrets.token_urlsafe(12)
    user = User.objects.create_superuser(email=email, password=password, full_name="Administrator")
    return user, True, generated


@transaction.atomic
def organisation_save(
    *,
    slug: str,
    name_ja: str,
    name_en: str = "",
    kind: str,
    description_ja: str = "",
    description_en: str = "",
    website: str = "",
    status: str = PublicationStatus.DRAFT,
    goals: Iterable[Goal] | None = None,
) -> Organisation:
    organisation, _ = Organisation.objects.update_or_create(
        slug=slug,
        defaults={
            "name_ja": name_ja,
            "name_en": name_en,
            "kind": kind,
            "description_ja": description_ja,
            "description_en": description_en,
            "website": website,
            "status": status,
        },
    )
    if goals is not None:
        sdg_relations_set(organisation, goals=goals)
    return organisation


@transaction.atomic
def organisation_profile_update(
    *,
    organisation: Organisation,
    description_ja: str,
    description_en: str,
    website: str,
    goals: Iterable[Goal],
) -> Organisation:
    """What a partner member may change on its own organisation (not name, kind or status)."""
    organisation.description_ja = description_ja
    organisation.description_en = description_en
    organisation.website = website
    organisation.full_clean()
    organisation.save()
    sdg_relations_set(organisation, goals=goals)
    return organisation


def membership_add(*, user: User, organisation: Organisation) -> Membership:
    membership, _ = Membership.objects.get_or_create(user=user, organisation=organisation)
    return membership


def api_token_create(*, user: User, name: str) -> tuple[ApiToken, str]:
    return ApiToken.objects.create_for(user, name)


@transaction.atomic
def review_assign(
    *, reviewer: User, obj, assigned_by: User | None = None, note: str = ""
) -> ReviewAssignment:
    from django.contrib.contenttypes.models import ContentType

    if not reviewer.groups.filter(name=Role.ASSESSOR.value).exists():
        raise ValueError(f"{reviewer} is not an assessor")
    assignment, _ = ReviewAssignment.objects.get_or_create(
        reviewer=reviewer,
        content_type=ContentType.objects.get_for_model(obj),
        object_id=obj.pk,
        defaults={"assigned_by": assigned_by, "note": note},
    )
    return assignment
