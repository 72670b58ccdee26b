"""Re-index an object whenever it (or what its visibility depends on) is saved or deleted.

Signals rather than calls in each service: partners, projects and events are written by
services, the admin, imports and demo loaders alike, and the index must follow all of them.
Bulk updates bypass signals; `tsunagu rebuild_search_index` catches up after those.
"""

from django.db.models.signals import post_delete, post_save

from tsunagu.accounts.models import Organisation
from tsunagu.events.models import Event, EventSeries
from tsunagu.partners.models import Partner
from tsunagu.projects.models import Project
from tsunagu.search.models import DocumentKind
from tsunagu.search.services import search_document_refresh


def _partner_changed(partner_ids) -> None:
    partner_ids = list(partner_ids)
    search_document_refresh(kind=DocumentKind.PARTNER, object_ids=partner_ids)
    # A project is public only while its lead partner is.
    project_ids = Project.objects.filter(lead_partner_id__in=partner_ids).values_list(
        "pk", flat=True
    )
    search_document_refresh(kind=DocumentKind.PROJECT, object_ids=list(project_ids))


def on_partner(sender, instance, **kwargs) -> None:
    _partner_changed([instance.pk])


def on_organisation(sender, instance, **kwargs) -> None:
    _partner_changed(
        Partner.objects.filter(organisation_id=instance.pk).values_list("pk", flat=True)
    )


def on_project(sender, instance, **kwargs) -> None:
    search_document_refresh(kind=DocumentKind.PROJECT, object_ids=[instance.pk])


def on_event(sender, instance, **kwargs) -> None:
    search_document_refresh(kind=DocumentKind.EVENT, object_ids=[instance.pk])


def on_series(sender, instance, **kwargs) -> None:
    ids = list(Event.objects.filter(series_id=instance.pk).values_list("pk", flat=True))
    search_document_refresh(kind=DocumentKind.EVENT, object_ids=ids)


def connect() -> None:
    for model, handler in [
        (Partner, on_partner),
        (Organisation, on_organisation),
        (Project, on_project),
        (Event, on_event),
        (EventSeries, on_series),
    ]:
        post_save.connect(handler, sender=model, dispatch_uid=f"search-{model.__name__}-save")
        post_delete.connect(handler, sender=model, dispatch_uid=f"search-{model.__name__}-delete")
