"""Cache domains of the public nature pages, and the observation page's own.

Observations arrive all the time, and each one changes the lists, the map and the home page
(domain "nature"). An observation's page changes only with that observation, its photos,
identifications and flags, the taxa and its observer's name, so it has a domain of its own
and stays cached while others are submitted. Imports write in bulk without signals; they end
with map_cells_rebuild(), which calls `nature_bulk_changed`.
"""

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse

from tsunagu.core.cache import (
    cache_invalidate_on_change,
    cache_version_bump,
    cache_versions,
    is_cacheable,
    response_cache_key,
    response_cached,
)

CACHE_DOMAIN = "nature"
TAXA_CACHE_DOMAIN = "nature-taxa"
CAMPAIGNS_CACHE_DOMAIN = "nature-campaigns"
OBSERVERS_CACHE_DOMAIN = "nature-observers"
IMPORTS_CACHE_DOMAIN = "nature-imports"


def observation_cache_domain(uuid) -> str:
    return f"nature-observation:{uuid}"


def _observation_changed(sender, instance, using: str = "default", **kwargs) -> None:
    from tsunagu.nature.models import Observation

    if isinstance(instance, Observation):
        uuid = instance.uuid
    else:  # a photo, identification or flag: its observation's page
        uuid = (
            Observation.objects.using(using)
            .filter(pk=instance.observation_id)
            .values_list("uuid", flat=True)
            .first()
        )
    if uuid is not None:
        domain = observation_cache_domain(uuid)
        transaction.on_commit(lambda: cache_version_bump(domain), using=using)


def nature_cache_invalidation_register() -> None:
    from tsunagu.accounts.models import User
    from tsunagu.nature import models
    from tsunagu.partners.models import Organisation, Partner

    observation_parts = (
        models.Observation,
        models.ObservationPhoto,
        models.Identification,
        models.Flag,
    )
    # Not MapCell: a receiver would make map_cells_rebuild()'s delete load every cell.
    cache_invalidate_on_change(CACHE_DOMAIN, *observation_parts, models.Taxon, User)
    cache_invalidate_on_change(TAXA_CACHE_DOMAIN, models.Taxon)
    cache_invalidate_on_change(OBSERVERS_CACHE_DOMAIN, User)
    cache_invalidate_on_change(
        CAMPAIGNS_CACHE_DOMAIN,
        models.Campaign,
        models.Campaign.organisers.through,
        models.Campaign.target_taxa.through,
        models.Site,
        models.CampaignParticipant,
        models.Visit,
        models.VisitCount,
        models.Taxon,
        Partner,
        Organisation,
    )
    for sender in observation_parts:
        uid = f"cache:nature-observation:{sender._meta.label}"
        post_save.connect(_observation_changed, sender=sender, dispatch_uid=uid)
        post_delete.connect(_observation_changed, sender=sender, dispatch_uid=uid)


def nature_bulk_changed() -> None:
    """For writes that sent no signal (imports): every nature page, once committed."""
    transaction.on_commit(lambda: cache_version_bump(CACHE_DOMAIN, IMPORTS_CACHE_DOMAIN))


def cached_observation_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Cache an observation's page for anonymous visitors until it changes."""

    @wraps(view)
    def wrapper(request: HttpRequest, uuid, *args, **kwargs) -> HttpResponse:
        if not is_cacheable(request):
            return view(request, uuid, *args, **kwargs)
        domains = (
            observation_cache_domain(uuid),
            TAXA_CACHE_DOMAIN,
            OBSERVERS_CACHE_DOMAIN,
            IMPORTS_CACHE_DOMAIN,
        )
        key = response_cache_key(
            request, prefix="nature-observation", version=cache_versions(*domains)
        )
        return response_cached(
            request,
            key,
            lambda: view(request, uuid, *args, **kwargs),
            settings.TSUNAGU_PAGE_CACHE_SECONDS,
        )

    return wrapper
