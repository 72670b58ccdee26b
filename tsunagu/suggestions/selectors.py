"""Reads for SDG suggestions."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import QuerySet

from tsunagu.suggestions.models import SdgSuggestion, SuggestionStatus


def suggestions_for(obj: models.Model, *, status: str | None = None) -> QuerySet[SdgSuggestion]:
    """obj's suggestions, most confident first; pending ones only with status="pending"."""
    suggestions = SdgSuggestion.objects.filter(
        content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
    ).select_related("goal", "decided_by")
    if status is not None:
        suggestions = suggestions.filter(status=status)
    return suggestions


def pending_suggestions_for(obj: models.Model) -> QuerySet[SdgSuggestion]:
    return suggestions_for(obj, status=SuggestionStatus.PENDING)
