"""Writing observations: submission, identifications, community taxon, quality grade, flags."""

import uuid
from datetime import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tsunagu.nature import policy
from tsunagu.nature.community_taxon import community_taxon_id
from tsunagu.nature.models import (
    SPECIES_RANK_LEVEL,
    Flag,
    FlagReason,
    FlagStatus,
    Identification,
    LifeStage,
    Observation,
    ObservationLicence,
    ObservationPhoto,
    QualityGrade,
    Taxon,
)
from tsunagu.nature.selectors.observations import observation_quality_missing
from tsunagu.nature.services import photos as photo_service
from tsunagu.nature.services.geoprivacy import observation_public_location_refresh

MAX_UNCERTAINTY_M = 100_000


def _check_location(latitude, longitude, uncertainty_m) -> list[str]:
    errors = []
    if (latitude is None) != (longitude is None):
        errors.append(_("Give both latitude and longitude, or neither."))
        return errors
    if latitude is not None:
        if not -90 <= latitude <= 90:
            errors.append(_("Latitude must be between -90 and 90."))
        if not -180 <= longitude <= 180:
            errors.append(_("Longitude must be between -180 and 180."))
        if latitude == 0 and longitude == 0:
            errors.append(
                _("0, 0 is not a place where this was seen: choose the location on the map.")
            )
    if uncertainty_m is not None and not 0 <= uncertainty_m <= MAX_UNCERTAINTY_M:
        errors.append(
            _("The uncertainty must be between 0 and %(max)d metres.") % {"max": MAX_UNCERTAINTY_M}
        )
    return errors


def _as_float(value) -> float | None:
    if value is None or value == "":
        return None
    return float(value) if isinstance(value, (int, float, Decimal, str)) else value


def _read_photos(photos) -> tuple[list, list, list[str]]:
    """(public copies, EXIF facts, errors), all photos read before anything is written."""
    copies, facts, errors = [], [], []
    if not photos:
        errors.append(_("Add at least one photo."))
    if len(photos) > photo_service.MAX_PHOTOS:
        errors.append(
            _("At most %(max)d photos per observation.") % {"max": photo_service.MAX_PHOTOS}
        )
    for number, upload in enumerate(photos, start=1):
        label = getattr(upload, "name", "") or str(number)
        try:
            photo_service.photo_validate(upload)
            facts.append(photo_service.photo_exif_read(upload))
            copies.append(photo_service.photo_public_copy(upload))
        except ValidationError as error:
            errors.extend(
                _("Photo %(number)d (%(name)s): %(error)s")
                % {"number": number, "name": label, "error": message}
                for message in error.messages
            )
    return copies, facts, errors


def _save_photos(observation: Observation, copies: list, written: list[str]) -> None:
    for position, content in enumerate(copies):
        photo = ObservationPhoto(
            observation=observation,
            position=position,
            width=content.width,
            height=content.height,
        )
        photo.image.save(content.name, content, save=False)
        written.append(photo.image.name)
        photo.save()


def _delete_files(names: list[str]) -> None:
    for name in names:
        default_storage.delete(name)


def observation_create(
    *,
    observer,
    photos,
    observed_at: datetime | None = None,
    latitude: float | None = None,
    longitude: float | None = None,
    uncertainty_m: int | None = None,
    count: int | None = None,
    life_stage: str = "",
    is_cultivated: bool = False,
    notes: str = "",
    licence: str = ObservationLicence.CC_BY,
    taxon: Taxon | None = None,
    locality: str = "",
    comment: str = "",
) -> Observation:
    """Create an observation from uploaded photos. Date, time and location missing from the
    form are taken from the first photo whose EXIF has them. Every photo is checked before
    anything is written; on any error nothing stays behind, files included."""
    if not policy.can_submit(observer):
        raise PermissionDenied(_("Log in to submit an observation."))
    photos = list(photos or [])
    latitude, longitude = _as_float(latitude), _as_float(longitude)
    copies, facts, errors = _read_photos(photos)
    now = timezone.now()
    if observed_at is not None and timezone.is_naive(observed_at):
        observed_at = timezone.make_aware(observed_at)
    if observed_at is None:
        # A camera clock set in the future is not a reason to refuse the photo.
        observed_at = next((f.taken_at for f in facts if f.taken_at and f.taken_at <= now), None)
    elif observed_at > now:
        errors.append(_("The date and time observed cannot be in the future."))
    if latitude is None and longitude is None:
        found = next((f for f in facts if f.latitude is not None), None)
        if found is not None:
            latitude, longitude = found.latitude, found.longitude
    errors += _check_location(latitude, longitude, uncertainty_m)
    if count is not None and count < 1:
        errors.append(_("The count must be at least 1."))
    if life_stage not in LifeStage.values:
        errors.append(_("Choose a life stage from the list."))
    if licence not in ObservationLicence.values:
        errors.append(_("Choose CC0, CC BY or CC BY-NC."))
    if errors:
        raise ValidationError(errors)

    written: list[str] = []
    try:
        # Files are not transactional: whatever fails, inside or at commit, takes them along.
        with transaction.atomic():
            observation_uuid = uuid.uuid4()
            observation = Observation.objects.create(
                uuid=observation_uuid,
                occurrence_id=f"urn:uuid:{observation_uuid}",
                observer=observer,
                recorded_by=str(observer.public_name),
                observed_at=observed_at,
                latitude=latitude,
                longitude=longitude,
                uncertainty_m=uncertainty_m,
                count=count,
                life_stage=life_stage,
                is_cultivated=is_cultivated,
                notes=notes,
                licence=licence,
                locality=locality,
            )
            _save_photos(observation, copies, written)
            if taxon is not None:
                _identification_add(
                    observation=observation, user=observer, taxon=taxon, comment=comment
                )
            observation_refresh(observation)
    except BaseException:
        _delete_files(written)
        raise
    return observation


def _identification_add(*, observation: Observation, user, taxon: Taxon, comment: str = ""):
    Identification.objects.filter(observation=observation, user=user, is_current=True).update(
        is_current=False
    )
    identification = Identification.objects.create(
        observation=observation,
        user=user,
        taxon=taxon,
        comment=comment,
        by_expert=policy.is_expert_identifier(user),
    )
    if user.pk == observation.observer_id:
        observation.taxon = taxon
        observation.save(update_fields=["taxon", "updated_at"])
    return identification


@transaction.atomic
def identification_add(
    *, observation: Observation, user, taxon: Taxon, comment: str = ""
) -> Identification:
    """Add the user's identification; their earlier one is withdrawn (no longer votes)."""
    if not policy.can_identify(user, observation):
        raise PermissionDenied(_("Log in to identify observations."))
    if taxon is None:
        raise ValidationError(_("Choose a taxon."))
    # One identification at a time per observation: the community taxon is computed from a
    # consistent set.
    observation = Observation.objects.select_for_update().get(pk=observation.pk)
    identification = _identification_add(
        observation=observation, user=user, taxon=taxon, comment=comment.strip()
    )
    observation_refresh(observation)
    return identification


@transaction.atomic
def identification_withdraw(*, identification: Identification, user) -> None:
    if identification.user_id != user.pk:
        raise PermissionDenied(_("Only its author may withdraw an identification."))
    Identification.objects.filter(pk=identification.pk).update(is_current=False)
    observation = Observation.objects.select_for_update().get(pk=identification.observation_id)
    observation_refresh(observation)


def _votes(observation: Observation) -> list[tuple[int, list[int], int]]:
    return [
        (i.taxon_id, i.taxon.ancestor_ids, i.taxon.rank_level)
        for i in observation.identifications.filter(is_current=True)
        .exclude(flags__status=FlagStatus.UPHELD)
        .select_related("taxon")
        .order_by("created_at", "pk")
    ]


def observation_community_taxon_refresh(observation: Observation, *, save: bool = True) -> None:
    taxon_id = community_taxon_id(_votes(observation))
    observation.community_taxon = Taxon.objects.get(pk=taxon_id) if taxon_id else None
    if save:
        observation.save(update_fields=["community_taxon", "updated_at"])


def observation_quality_refresh(observation: Observation, *, save: bool = True) -> str:
    """casual when something is missing (see observation_quality_missing); research grade
    when the community taxon is at species rank or finer; needs ID otherwise."""
    if observation_quality_missing(observation):
        grade = QualityGrade.CASUAL
    elif (
        observation.community_taxon is not None
        and observation.community_taxon.rank_level <= SPECIES_RANK_LEVEL
    ):
        grade = QualityGrade.RESEARCH
    else:
        grade = QualityGrade.NEEDS_ID
    observation.quality_grade = grade
    if save:
        observation.save(update_fields=["quality_grade", "updated_at"])
    return grade


def observation_refresh(observation: Observation) -> None:
    """Community taxon, then the public location (it depends on the taxa), then the grade;
    saved with save() so that the map cells follow (signals)."""
    observation_community_taxon_refresh(observation, save=False)
    observation_public_location_refresh(observation, save=False)
    observation_quality_refresh(observation, save=False)
    observation.save(
        update_fields=[
            "community_taxon",
            "public_latitude",
            "public_longitude",
            "location_generalised",
            "quality_grade",
            "updated_at",
        ]
    )


@transaction.atomic
def flag_create(
    *,
    user,
    observation: Observation,
    reason: str,
    comment: str = "",
    photo: ObservationPhoto | None = None,
    identification: Identification | None = None,
) -> Flag:
    if not policy.can_flag(user, observation):
        raise PermissionDenied(_("Log in to flag content."))
    if reason not in FlagReason.values:
        raise ValidationError(_("Choose a reason."))
    if photo is not None and photo.observation_id != observation.pk:
        raise ValidationError(_("That photo is not part of this observation."))
    if identification is not None and identification.observation_id != observation.pk:
        raise ValidationError(_("That identification is not part of this observation."))
    if reason == FlagReason.OTHER and not comment.strip():
        raise ValidationError(_("Say what is wrong."))
    if Flag.objects.filter(
        observation=observation,
        photo=photo,
        identification=identification,
        flagged_by=user,
        status=FlagStatus.OPEN,
    ).exists():
        raise ValidationError(_("You have already flagged this; a moderator will look at it."))
    flag = Flag.objects.create(
        observation=observation,
        photo=photo,
        identification=identification,
        flagged_by=user,
        reason=reason,
        comment=comment.strip(),
    )
    observation_refresh(observation)
    return flag


@transaction.atomic
def flag_resolve(*, flag: Flag, moderator, uphold: bool, note: str = "") -> Flag:
    """Uphold (the flagged content is hidden from the public) or dismiss a flag."""
    if not policy.can_moderate(moderator):
        raise PermissionDenied(_("Only city staff moderate flags."))
    flag = Flag.objects.select_for_update().get(pk=flag.pk)
    if flag.status != FlagStatus.OPEN:
        raise ValidationError(_("This flag has already been resolved."))
    flag.status = FlagStatus.UPHELD if uphold else FlagStatus.DISMISSED
    flag.resolved_by = moderator
    flag.resolved_at = timezone.now()
    flag.resolution_note = note.strip()
    flag.save(update_fields=["status", "resolved_by", "resolved_at", "resolution_note"])
    observation = flag.observation
    if uphold and flag.photo_id is None and flag.identification_id is None:
        observation.is_hidden = True
        observation.save(update_fields=["is_hidden", "updated_at"])
    observation_refresh(observation)
    return flag
