"""Citizen observations: photos, identifications, quality grade, flags, generalised locations.

An observation keeps its true coordinates (`latitude`/`longitude`) and the coordinates the
public sees (`public_latitude`/`public_longitude`). Only the public pair may reach pages,
API answers, map cells and exports meant for everyone.
"""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .taxa import Taxon


class ObservationLicence(models.TextChoices):
    CC0 = "CC0-1.0", _("CC0 (public domain)")
    CC_BY = "CC-BY-4.0", _("CC BY 4.0 (attribution)")
    CC_BY_NC = "CC-BY-NC-4.0", _("CC BY-NC 4.0 (attribution, non-commercial)")


LICENCE_URLS = {
    ObservationLicence.CC0: "https://creativecommons.org/publicdomain/zero/1.0/legalcode",
    ObservationLicence.CC_BY: "https://creativecommons.org/licenses/by/4.0/legalcode",
    ObservationLicence.CC_BY_NC: "https://creativecommons.org/licenses/by-nc/4.0/legalcode",
}


class LifeStage(models.TextChoices):
    UNKNOWN = "", _("Unknown")
    ADULT = "adult", _("Adult")
    JUVENILE = "juvenile", _("Juvenile")
    LARVA = "larva", _("Larva")
    PUPA = "pupa", _("Pupa")
    EGG = "egg", _("Egg")
    NYMPH = "nymph", _("Nymph")
    FLOWERING = "flowering", _("Flowering")
    FRUITING = "fruiting", _("Fruiting")


class QualityGrade(models.TextChoices):
    CASUAL = "casual", _("Casual")
    NEEDS_ID = "needs_id", _("Needs ID")
    RESEARCH = "research", _("Research grade")


class BasisOfRecord(models.TextChoices):
    HUMAN_OBSERVATION = "HumanObservation", _("Human observation")
    MACHINE_OBSERVATION = "MachineObservation", _("Machine observation")
    PRESERVED_SPECIMEN = "PreservedSpecimen", _("Preserved specimen")
    LIVING_SPECIMEN = "LivingSpecimen", _("Living specimen")
    MATERIAL_SAMPLE = "MaterialSample", _("Material sample")
    OCCURRENCE = "Occurrence", _("Occurrence")


_MAP_COLUMNS = ("id", "public_latitude", "public_longitude", "quality_grade", "observed_at")


class Observation(models.Model):
    uuid = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    # Darwin Core occurrenceID: "urn:uuid:<uuid>" for the platform's own observations, the
    # publisher's identifier for imported ones (the key that makes re-imports idempotent).
    occurrence_id = models.CharField(_("occurrence ID"), max_length=255, unique=True)
    observer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="observations",
        verbose_name=_("observer"),
    )
    recorded_by = models.CharField(
        _("recorded by"), max_length=300, blank=True, help_text=_("For imported records.")
    )
    observed_at = models.DateTimeField(_("date and time observed"), null=True, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    uncertainty_m = models.PositiveIntegerField(
        _("location uncertainty (m)"), null=True, blank=True
    )
    public_latitude = models.FloatField(null=True, blank=True, editable=False)
    public_longitude = models.FloatField(null=True, blank=True, editable=False)
    location_generalised = models.BooleanField(
        _("location generalised"), default=False, editable=False
    )
    locality = models.CharField(_("place name"), max_length=300, blank=True)
    count = models.PositiveIntegerField(_("count"), null=True, blank=True)
    life_stage = models.CharField(
        _("life stage"), max_length=12, choices=LifeStage.choices, blank=True, default=""
    )
    is_cultivated = models.BooleanField(
        _("cultivated or captive"),
        default=False,
        help_text=_("Planted, kept or released by people rather than wild."),
    )
    notes = models.TextField(_("notes"), blank=True)
    licence = models.CharField(
        _("licence"),
        max_length=16,
        choices=ObservationLicence.choices,
        default=ObservationLicence.CC_BY,
    )
    basis_of_record = models.CharField(
        _("basis of record"),
        max_length=24,
        choices=BasisOfRecord.choices,
        default=BasisOfRecord.HUMAN_OBSERVATION,
    )
    # What the observer thinks it is (their first identification); the community decides.
    taxon = models.ForeignKey(
        Taxon,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="observations",
        verbose_name=_("taxon"),
    )
    community_taxon = models.ForeignKey(
        Taxon,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="community_observations",
        verbose_name=_("community taxon"),
        editable=False,
    )
    quality_grade = models.CharField(
        _("quality grade"),
        max_length=10,
        choices=QualityGrade.choices,
        default=QualityGrade.CASUAL,
        editable=False,
        db_index=True,
    )
    is_hidden = models.BooleanField(
        _("hidden by a moderator"), default=False, help_text=_("Upheld flag: not shown publicly.")
    )
    campaign = models.ForeignKey(
        "nature.Campaign",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="observations",
        verbose_name=_("survey campaign"),
    )
    source = models.CharField(
        _("source"), max_length=200, blank=True, help_text=_("Dataset an import came from.")
    )
    dwc_extra = models.JSONField(
        _("other Darwin Core terms"), default=dict, blank=True, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-observed_at", "-pk"]
        indexes = [
            models.Index(fields=["quality_grade", "observed_at"]),
            models.Index(fields=["public_latitude", "public_longitude"]),
            # Filtered map views group visible rows by cell: these let PostgreSQL answer from
            # the index alone (INCLUDE is PostgreSQL's; SQLite gets the plain partial index).
            *(
                models.Index(
                    fields=[field],
                    include=[*(c for c in _MAP_COLUMNS if c != field), *extra],
                    condition=Q(is_hidden=False),
                    name=f"obs_map_{field}",
                )
                for field, extra in (
                    ("community_taxon", ()),
                    ("taxon", ("community_taxon",)),
                    ("campaign", ()),
                    ("observed_at", ()),
                )
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name="observation_latitude_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="observation_longitude_range",
            ),
        ]
        verbose_name = pgettext_lazy("nature", "observation")
        verbose_name_plural = pgettext_lazy("nature", "observations")

    def __str__(self) -> str:
        shown = self.community_taxon or self.taxon
        return (
            f"{shown or _('Unknown')} · {self.observed_at:%Y-%m-%d}"
            if self.observed_at
            else (str(shown or _("Unknown")))
        )


class ObservationPhoto(models.Model):
    """The public copy only: re-encoded, with no EXIF (GPS included). The original upload
    is never stored; what the observation needed from its EXIF was read before."""

    observation = models.ForeignKey(Observation, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("photo"), upload_to="observations/%Y/%m/")
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("photo")
        verbose_name_plural = _("photos")

    def __str__(self) -> str:
        return self.image.name


class Identification(models.Model):
    observation = models.ForeignKey(
        Observation, on_delete=models.CASCADE, related_name="identifications"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="identifications",
        verbose_name=_("identifier"),
    )
    taxon = models.ForeignKey(
        Taxon, on_delete=models.PROTECT, related_name="identifications", verbose_name=_("taxon")
    )
    comment = models.TextField(_("comment"), blank=True)
    # A user's newer identification withdraws their older ones; only current ones vote.
    is_current = models.BooleanField(default=True)
    by_expert = models.BooleanField(_("by an expert identifier"), default=False, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["observation", "user"],
                condition=Q(is_current=True),
                name="identification_one_current_per_user",
            )
        ]
        verbose_name = _("identification")
        verbose_name_plural = _("identifications")

    def __str__(self) -> str:
        return f"{self.taxon} ({self.user})"


class FlagReason(models.TextChoices):
    SPAM = "spam", _("Spam")
    OFFENSIVE = "offensive", _("Offensive or inappropriate")
    COPYRIGHT = "copyright", _("Copyright infringement")
    PRIVACY = "privacy", _("Shows people or private property")
    OTHER = "other", _("Other")


class FlagStatus(models.TextChoices):
    OPEN = "open", _("Open")
    UPHELD = "upheld", _("Upheld (content hidden)")
    DISMISSED = "dismissed", _("Dismissed")


class Flag(models.Model):
    observation = models.ForeignKey(Observation, on_delete=models.CASCADE, related_name="flags")
    photo = models.ForeignKey(
        ObservationPhoto, null=True, blank=True, on_delete=models.CASCADE, related_name="flags"
    )
    identification = models.ForeignKey(
        Identification, null=True, blank=True, on_delete=models.CASCADE, related_name="flags"
    )
    flagged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="nature_flags"
    )
    reason = models.CharField(_("reason"), max_length=12, choices=FlagReason.choices)
    comment = models.TextField(_("comment"), blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=FlagStatus.choices, default=FlagStatus.OPEN
    )
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolution_note = models.TextField(_("moderator's note"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("flag")
        verbose_name_plural = _("flags")

    def __str__(self) -> str:
        return f"{self.get_reason_display()} · {self.observation_id}"


class MapCell(models.Model):
    """Public observations counted per grid cell, per zoom level, grade and year: the map's
    city-wide views read these instead of a million rows. Built only from public
    (generalised) coordinates."""

    level = models.PositiveSmallIntegerField()
    cell_x = models.IntegerField()
    cell_y = models.IntegerField()
    quality_grade = models.CharField(max_length=10, choices=QualityGrade.choices)
    year = models.PositiveSmallIntegerField(null=True)
    count = models.PositiveIntegerField(default=0)
    latitude_sum = models.FloatField(default=0)
    longitude_sum = models.FloatField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["level", "cell_x", "cell_y", "quality_grade", "year"],
                name="map_cell_unique",
            )
        ]

    def __str__(self) -> str:
        return f"{self.level}/{self.cell_x}/{self.cell_y}"


class DarwinCoreImport(models.Model):
    """A record of each archive imported: who, what, how many."""

    file_name = models.CharField(_("file"), max_length=300)
    core_type = models.CharField(_("core"), max_length=200)
    dataset_title = models.CharField(_("dataset"), max_length=500, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    rows_created = models.PositiveIntegerField(default=0)
    rows_updated = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("Darwin Core import")
        verbose_name_plural = _("Darwin Core imports")

    def __str__(self) -> str:
        return self.file_name
