"""Suggest SDGs for the demo partners, projects and events, so the panels have something to show."""

from tsunagu.accounts.models import Organisation
from tsunagu.events.models import Event
from tsunagu.projects.models import Project
from tsunagu.suggestions.services import suggestions_refresh_for


def load() -> None:
    for queryset in (
        Organisation.objects.filter(partner__isnull=False),
        Project.objects.all(),
        Event.objects.all(),
    ):
        for obj in queryset.iterator():
            suggestions_refresh_for(obj)
