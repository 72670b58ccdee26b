"""Survey campaigns (eBird-style complete checklists with effort): sites, visits, counts."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from tsunagu.core.models import PublicationStatus

from .taxa import Taxon


class Campaign(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200)
    summary = models.TextField(_("summary"), blank=True)
    protocol = models.TextField(
        _("protocol"), blank=True, help_text=_("How to survey: what, when, how long, how to count.")
    )
    target_taxa = models.ManyToManyField(
        Taxon, blank=True, related_name="campaigns", verbose_name=_("target taxa")
    )
    organisers = models.ManyToManyField(
        "partners.Partner",
        blank=True,
        related_name="nature_campaigns",
        verbose_name=_("organisers"),
    )
    season_start_month = models.PositiveSmallIntegerField(
        _("season starts (month)"), null=True, blank=True
    )
    season_end_month = models.PositiveSmallIntegerField(
        _("season ends (month)"), null=True, blank=True
    )
    first_year = models.PositiveSmallIntegerField(_("first year"), null=True, blank=True)
    publication = models.CharField(
        _("publication"),
        max_length=12,
        choices=PublicationStatus.choices,
        default=PublicationStatus.PUBLISHED,
    )
    event_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    is_demo = models.BooleanField(_("demo content"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("survey campaign")
        verbose_name_plural = _("survey campaigns")

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.publication == PublicationStatus.PUBLISHED


class SiteKind(models.TextChoices):
    POINT = "point", _("Point")
    TRANSECT = "transect", _("Transect")
    PLOT = "plot", _("Plot (area)")


class Site(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="sites")
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=10, choices=SiteKind.choices)
    latitude = models.FloatField(_("latitude"))
    longitude = models.FloatField(_("longitude"))
    path = models.JSONField(
        _("transect path"),
        default=list,
        blank=True,
        help_text=_("[[longitude, latitude], ...] along the transect."),
    )
    length_m = models.PositiveIntegerField(_("length (m)"), null=True, blank=True)
    area_m2 = models.PositiveIntegerField(_("area (m²)"), null=True, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["campaign", "code"]
        constraints = [
            models.UniqueConstraint(fields=["campaign", "code"], name="site_unique_code")
        ]
        verbose_name = _("site")
        verbose_name_plural = _("sites")

    def __str__(self) -> str:
        return self.name


class CampaignParticipant(models.Model):
    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    name = models.CharField(_("name"), max_length=200)
    is_child = models.BooleanField(_("child (under 18)"), default=False)
    guardian_name = models.CharField(_("guardian's name"), max_length=200, blank=True)
    guardian_consent_at = models.DateTimeField(_("guardian's consent given"), null=True, blank=True)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["joined_at"]
        constraints = [
            models.CheckConstraint(
                condition=Q(is_child=False)
                | (Q(guardian_consent_at__isnull=False) & ~Q(guardian_name="")),
                name="participant_child_has_guardian_consent",
            )
        ]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self) -> str:
        return self.name


class Weather(models.TextChoices):
    CLEAR = "clear", _("Clear")
    CLOUDY = "cloudy", _("Cloudy")
    OVERCAST = "overcast", _("Overcast")
    DRIZZLE = "drizzle", _("Drizzle")
    RAIN = "rain", _("Rain")
    FOG = "fog", _("Fog")


class MoonPhase(models.TextChoices):
    NEW = "new", _("New moon")
    CRESCENT = "crescent", _("Crescent")
    HALF = "half", _("Half moon")
    GIBBOUS = "gibbous", _("Gibbous")
    FULL = "full", _("Full moon")


class ArtificialLight(models.TextChoices):
    NONE = "none", _("None")
    LOW = "low", _("Low (distant street lights)")
    HIGH = "high", _("High (lit street or buildings)")


class Visit(models.Model):
    """One sampling event: a site surveyed once, with its effort and every count."""

    campaign = models.ForeignKey(Campaign, on_delete=models.CASCADE, related_name="visits")
    site = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="visits")
    date = models.DateField(_("date"))
    start_time = models.TimeField(_("start"), null=True, blank=True)
    end_time = models.TimeField(_("end"), null=True, blank=True)
    observers_count = models.PositiveSmallIntegerField(_("observers"), default=1)
    weather = models.CharField(_("weather"), max_length=10, choices=Weather.choices, blank=True)
    temperature_c = models.DecimalField(
        _("temperature (°C)"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    moon = models.CharField(_("moon"), max_length=10, choices=MoonPhase.choices, blank=True)
    artificial_light = models.CharField(
        _("artificial light"), max_length=6, choices=ArtificialLight.choices, blank=True
    )
    protocol_variant = models.CharField(
        _("protocol variant"),
        max_length=200,
        blank=True,
        help_text=_("e.g. three 10-second counts, the highest kept."),
    )
    is_complete_checklist = models.BooleanField(
        _("complete checklist"),
        default=True,
        help_text=_("Every target taxon was looked for, so a missing count means zero."),
    )
    notes = models.TextField(_("notes"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    event_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "site"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_time__isnull=True)
                | Q(start_time__isnull=True)
                | Q(end_time__gt=F("start_time")),
                name="visit_ends_after_start",
            )
        ]
        verbose_name = _("visit")
        verbose_name_plural = _("visits")

    def __str__(self) -> str:
        return f"{self.site} · {self.date:%Y-%m-%d}"


class VisitCount(models.Model):
    """A count per taxon on a visit. Zero is data: it was looked for and not found."""

    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="counts")
    taxon = models.ForeignKey(Taxon, on_delete=models.PROTECT, related_name="visit_counts")
    count = models.PositiveIntegerField(_("count"))
    sub_counts = models.JSONField(
        _("individual counts"),
        default=list,
        blank=True,
        help_text=_("e.g. the three 10-second counts, when the protocol takes several."),
    )
    occurrence_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    class Meta:
        ordering = ["visit", "taxon"]
        constraints = [
            models.UniqueConstraint(fields=["visit", "taxon"], name="visit_count_unique_taxon")
        ]
        verbose_name = _("count")
        verbose_name_plural = _("counts")

    def __str__(self) -> str:
        return f"{self.taxon}: {self.count}"
