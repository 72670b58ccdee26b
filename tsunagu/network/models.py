"""The UNESCO Creative Cities Network: member cities, exchanges between members (above all
Kanazawa's) and the network's annual meetings. Text fields shown to visitors are bilingual
(django-modeltranslation adds `_ja`/`_en`, see translation.py)."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

KANAZAWA = "Kanazawa"


class CreativeField(models.TextChoices):
    CRAFTS_AND_FOLK_ART = "Crafts and Folk Art", _("Crafts and Folk Art")
    DESIGN = "Design", _("Design")
    FILM = "Film", _("Film")
    GASTRONOMY = "Gastronomy", _("Gastronomy")
    LITERATURE = "Literature", _("Literature")
    MEDIA_ARTS = "Media Arts", _("Media Arts")
    MUSIC = "Music", _("Music")
    ARCHITECTURE = "Architecture", _("Architecture")


class CreativeCity(models.Model):
    """A member city. `unesco_name` is the city's name in UNESCO's list (the import key);
    country, year and coordinates come from our curated facts file and stay blank when not
    verified, each with the URL that states it."""

    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    unesco_name = models.CharField(_("name in UNESCO's list"), max_length=160, unique=True)
    name = models.CharField(_("name"), max_length=160)
    field = models.CharField(_("creative field"), max_length=32, choices=CreativeField.choices)
    country = models.CharField(
        _("country (ISO 3166-1 alpha-2)"), max_length=2, blank=True, db_index=True
    )
    designation_year = models.PositiveSmallIntegerField(
        _("year of designation"), null=True, blank=True
    )
    description = models.TextField(_("description (UNESCO)"), blank=True)
    unesco_url = models.URLField(_("UNESCO page"), max_length=400, blank=True)
    latitude = models.FloatField(_("latitude"), null=True, blank=True)
    longitude = models.FloatField(_("longitude"), null=True, blank=True)
    facts_source = models.URLField(_("source of country and year"), max_length=400, blank=True)
    coordinates_source = models.URLField(_("source of coordinates"), max_length=400, blank=True)

    class Meta:
        ordering = ["unesco_name"]
        verbose_name = _("creative city")
        verbose_name_plural = _("creative cities")

    def __str__(self) -> str:
        return self.name or self.unesco_name

    def get_absolute_url(self) -> str:
        return reverse("network:city_detail", args=[self.slug])

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None


class ExchangeKind(models.TextChoices):
    CRAFTSMEN_DISPATCH = "craftsmen_dispatch", _("Dispatch of craftsmen")
    RESIDENCY = "residency", _("Residency")
    DELEGATION = "delegation", _("Delegation")
    JOINT_PROJECT = "joint_project", _("Joint project")
    MEETING = "meeting", _("Meeting")


class Exchange(models.Model):
    """An exchange between two member cities, seen from `city` (usually Kanazawa)."""

    city = models.ForeignKey(
        CreativeCity, on_delete=models.PROTECT, related_name="exchanges_out", verbose_name=_("city")
    )
    partner = models.ForeignKey(
        CreativeCity,
        on_delete=models.PROTECT,
        related_name="exchanges_in",
        verbose_name=_("partner city"),
    )
    kind = models.CharField(_("type"), max_length=24, choices=ExchangeKind.choices)
    title = models.CharField(_("title"), max_length=200)
    start_date = models.DateField(_("start date"))
    end_date = models.DateField(_("end date"), null=True, blank=True)
    people = models.TextField(_("people"), blank=True)
    outcomes = models.TextField(_("outcomes"), blank=True)
    programme_url = models.URLField(_("programme link"), max_length=400, blank=True)
    source_url = models.URLField(_("source"), max_length=400, blank=True)
    is_demo = models.BooleanField(_("demo content"), default=False)

    class Meta:
        ordering = ["-start_date", "pk"]
        verbose_name = _("exchange")
        verbose_name_plural = _("exchanges")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(city=models.F("partner")), name="network_exchange_two_cities"
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="network_exchange_end_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def year(self) -> int:
        return self.start_date.year


class AnnualMeeting(models.Model):
    """The network's annual meeting (conference) of a year. Kanazawa's attendance is yes, no
    or unknown (None)."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True)
    host_city = models.ForeignKey(
        CreativeCity,
        on_delete=models.PROTECT,
        related_name="meetings_hosted",
        verbose_name=_("host city"),
    )
    kanazawa_attended = models.BooleanField(_("attended by Kanazawa"), null=True, blank=True)
    attendance_note = models.TextField(_("note on attendance"), blank=True)
    source_url = models.URLField(_("source"), max_length=400, blank=True)
    is_demo = models.BooleanField(_("demo content"), default=False)

    class Meta:
        ordering = ["-year"]
        verbose_name = _("annual meeting")
        verbose_name_plural = _("annual meetings")

    def __str__(self) -> str:
        return f"{self.year} {self.host_city}"
