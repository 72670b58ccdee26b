"""Writes for SDG suggestions: (re)classify an object's text, accept or reject a suggestion.

Who may accept or reject is checked by the views (accounts.policy.can_edit).
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils import timezone

from tsunagu.core.models import Goal, SdgRelation
from tsunagu.core.services import sdg_relations_set
from tsunagu.suggestions.engine import classify
from tsunagu.suggestions.models import SdgSuggestion, SuggestionStatus


def _tagged_goal_ids(obj: models.Model) -> set[int]:
    # sdg_relations_set stores a goal row for every goal implied by a target, so the goal
    # rows alone tell which goals obj already carries.
    return set(
        SdgRelation.objects.filter(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
            goal__isnull=False,
        ).values_list("goal_id", flat=True)
    )


@transaction.atomic
def suggestions_refresh(*, obj: models.Model, text: str) -> list[SdgSuggestion]:
    """Re-classify obj's text: pending suggestions are replaced, decided ones kept as decided.

    Goals obj is already tagged with are not suggested again. Returns the new pending ones.
    """
    content_type = ContentType.objects.get_for_model(obj)
    existing = SdgSuggestion.objects.filter(content_type=content_type, object_id=obj.pk)
    existing.filter(status=SuggestionStatus.PENDING).delete()
    skip = set(existing.values_list("goal_id", flat=True)) | _tagged_goal_ids(obj)
    return SdgSuggestion.objects.bulk_create(
        [
            SdgSuggestion(
                content_type=content_type,
                object_id=obj.pk,
                goal_id=s.goal,
                confidence=s.confidence,
                triggers=s.triggers,
            )
            for s in classify(text)
            if s.goal not in skip
        ]
    )


def _decide(suggestion: SdgSuggestion, *, user, status: str) -> SdgSuggestion:
    suggestion.status = status
    suggestion.decided_by = user
    suggestion.decided_at = timezone.now()
    suggestion.save(update_fields=["status", "decided_by", "decided_at"])
    return suggestion


@transaction.atomic
def suggestion_accept(*, suggestion: SdgSuggestion, user) -> SdgSuggestion:
    """Accept: tag the object with the goal, keeping every goal, target and local target it has."""
    obj = suggestion.content_object
    relations = SdgRelation.objects.filter(
        content_type_id=suggestion.content_type_id, object_id=suggestion.object_id
    ).select_related("goal", "target", "local_target__target")
    relations = list(relations)
    goals = {r.goal for r in relations if r.goal_id is not None}
    goals.add(Goal.objects.get(pk=suggestion.goal_id))
    sdg_relations_set(
        obj,
        goals=goals,
        targets=[r.target for r in relations if r.target_id is not None],
        local_targets=[r.local_target for r in relations if r.local_target_id is not None],
    )
    return _decide(suggestion, user=user, status=SuggestionStatus.ACCEPTED)


@transaction.atomic
def suggestion_reject(*, suggestion: SdgSuggestion, user) -> SdgSuggestion:
    return _decide(suggestion, user=user, status=SuggestionStatus.REJECTED)


# The text fields classified for each kind of object (ja and en together: the engine reads both).
TEXT_FIELDS = ("title_ja", "title_en", "description_ja", "description_en", "offers", "needs")


def suggestion_text(obj: models.Model) -> str:
    parts = [getattr(obj, name, "") or "" for name in TEXT_FIELDS]
    partner = getattr(obj, "partner", None)  # an organisation's registry entry
    if partner is not None and not isinstance(partner, models.Manager):
        parts += [partner.offers, partner.needs]
    return "\n".join(p for p in parts if p)


def suggestions_refresh_for(obj: models.Model) -> list[SdgSuggestion]:
    """Called by the services (and admin) that save a partner profile, a project or an event."""
    return suggestions_refresh(obj=obj, text=suggestion_text(obj))
