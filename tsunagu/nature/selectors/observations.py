"""Reading observations: what each user may see, and where they may see it."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet
from django.utils.translation import gettext as _

from tsunagu.accounts.policy import is_city_staff
from tsunagu.nature import policy
from tsunagu.nature.models import (
    Flag,
    FlagStatus,
    Identification,
    Observation,
    ObservationPhoto,
    Taxon,
)


@dataclass(frozen=True)
class Location:
    latitude: float | None
    longitude: float | None
    uncertainty_m: int | None
    generalised: bool  # the public sees a generalised point
    is_true: bool  # these are the true coordinates (observer, staff, trusted researcher)


def observation_location_for(user, observation: Observation) -> Location:
    """The coordinates this user may see: the true ones for the observer, city staff and
    trusted researchers, the public (possibly generalised) ones for everybody else."""
    from tsunagu.nature.services.geoprivacy import public_uncertainty_m

    if policy.can_see_true_location(user, observation):
        return Location(
            observation.latitude,
            observation.longitude,
            observation.uncertainty_m,
            observation.location_generalised,
            True,
        )
    return Location(
        observation.public_latitude,
        observation.public_longitude,
        public_uncertainty_m(observation),
        observation.location_generalised,
        False,
    )


def public_photos(observation: Observation) -> QuerySet[ObservationPhoto]:
    """Photos not removed by a moderator."""
    return observation.photos.exclude(flags__status=FlagStatus.UPHELD)


def _visible_photos_prefetch() -> Prefetch:
    return Prefetch(
        "photos",
        queryset=ObservationPhoto.objects.exclude(flags__status=FlagStatus.UPHELD),
        to_attr="visible_photos",
    )


def observation_quality_missing(observation: Observation) -> list[str]:
    """Why the observation is casual (empty when it is not)."""
    missing = []
    if observation.observed_at is None:
        missing.append(_("the date observed"))
    if observation.latitude is None or observation.longitude is None:
        missing.append(_("the location"))
    if not public_photos(observation).exists():
        missing.append(_("a photo"))
    if observation.is_cultivated:
        missing.append(_("a wild organism (it is cultivated or captive)"))
    if (
        observation.is_hidden
        or observation.flags.filter(status=FlagStatus.OPEN, identification__isnull=True).exists()
    ):
        missing.append(_("no open or upheld flag"))
    return missing


def observation_visible_queryset(user) -> QuerySet[Observation]:
    queryset = Observation.objects.all()
    if is_city_staff(user):
        return queryset
    if user.is_authenticated:
        return queryset.filter(Q(is_hidden=False) | Q(observer=user))
    return queryset.filter(is_hidden=False)


def _taxon_subtree(taxon: Taxon) -> Q:
    return Q(community_taxon__ancestry__startswith=taxon.ancestry) | Q(
        community_taxon__isnull=True, taxon__ancestry__startswith=taxon.ancestry
    )


def observation_list(
    *,
    user,
    taxon: Taxon | None = None,
    grade: str | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    observer=None,
) -> QuerySet[Observation]:
    queryset = observation_visible_queryset(user)
    if observer is not None:
        queryset = queryset.filter(observer=observer)
    if taxon is not None:
        queryset = queryset.filter(_taxon_subtree(taxon))
    if grade:
        queryset = queryset.filter(quality_grade=grade)
    if date_from:
        queryset = queryset.filter(observed_at__date__gte=date_from)
    if date_to:
        queryset = queryset.filter(observed_at__date__lte=date_to)
    return (
        queryset.select_related("taxon", "community_taxon", "observer")
        .prefetch_related(_visible_photos_prefetch())
        # Undated (casual) observations last on every database, not first as PostgreSQL would.
        .order_by(F("observed_at").desc(nulls_last=True), "-pk")
    )


def observation_get(*, user, uuid) -> Observation:
    """The observation if this user may see it; Observation.DoesNotExist otherwise (hidden
    observations are not found by the public)."""
    observation = (
        Observation.objects.select_related("taxon", "community_taxon", "observer")
        .prefetch_related(_visible_photos_prefetch())
        .get(uuid=uuid)
    )
    if not policy.can_view_observation(user, observation):
        raise Observation.DoesNotExist
    return observation


def identification_timeline(observation: Observation) -> list[Identification]:
    """All identifications, oldest first; those removed by a moderator are marked."""
    upheld = Flag.objects.filter(identification=OuterRef("pk"), status=FlagStatus.UPHELD)
    return list(
        observation.identifications.select_related("taxon", "user")
        .annotate(is_removed=Exists(upheld))
        .order_by("created_at", "pk")
    )


def current_identification_of(observation: Observation, user) -> Identification | None:
    if not user.is_authenticated:
        return None
    return observation.identifications.filter(user=user, is_current=True).first()


def flag_queue() -> QuerySet[Flag]:
    return Flag.objects.filter(status=FlagStatus.OPEN).select_related(
        "observation", "photo", "identification__taxon", "flagged_by"
    )


def flag_recent_resolved(limit: int = 20) -> QuerySet[Flag]:
    return (
        Flag.objects.exclude(status=FlagStatus.OPEN)
        .select_related("observation", "resolved_by", "flagged_by")
        .order_by("-resolved_at")[:limit]
    )
