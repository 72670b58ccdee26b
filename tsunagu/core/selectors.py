"""Reads for the SDG framework and places."""

import contextlib

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet

from tsunagu.accounts.policy import can_see_drafts
from tsunagu.core.area_codes import normalize_area_code
from tsunagu.core.models import Area, Goal, LocalTarget, PublicationStatus, SdgRelation, Target


def goal_list() -> QuerySet[Goal]:
    return Goal.objects.all()


def target_list(*, goal: int | None = None) -> QuerySet[Target]:
    targets = Target.objects.select_related("goal")
    return targets.filter(goal_id=goal) if goal else targets


def local_target_list(*, user, goal: int | None = None) -> QuerySet[LocalTarget]:
    """Published local targets for everyone; drafts too for staff."""
    local_targets = LocalTarget.objects.select_related("target__goal")
    if not can_see_drafts(user):
        local_targets = local_targets.filter(status=PublicationStatus.PUBLISHED)
    if goal:
        local_targets = local_targets.filter(target__goal_id=goal)
    return local_targets


def area_list(*, kind: str | None = None, parent: str | None = None) -> QuerySet[Area]:
    areas = Area.objects.select_related("parent")
    if kind:
        areas = areas.filter(kind=kind)
    if parent:
        areas = areas.filter(parent__code=parent)
    return areas


def area_get(*, code: str) -> Area:
    """Accepts '17201', '172014' or 'R17201' for municipalities, or any stored code."""
    with contextlib.suppress(ValueError):
        code = normalize_area_code(code)
    return Area.objects.get(code=code)


def sdg_goal_numbers(model, object_ids) -> dict[int, list[int]]:
    """object id -> its goal numbers (ascending), for many objects of one model in one query."""
    goals: dict[int, set[int]] = {}
    rows = SdgRelation.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_id__in=list(object_ids),
        goal__isnull=False,
    ).values_list("object_id", "goal_id")
    for object_id, goal in rows:
        goals.setdefault(object_id, set()).add(goal)
    return {object_id: sorted(numbers) for object_id, numbers in goals.items()}
