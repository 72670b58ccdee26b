"""Places: the country, prefectures, municipalities, districts and regions, and the city profile."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class AreaKind(models.TextChoices):
    COUNTRY = "country", _("Country")
    PREFECTURE = "prefecture", _("Prefecture")
    MUNICIPALITY = "municipality", _("Municipality")
    DISTRICT = "district", _("District")
    REGION = "region", _("Region")


class Area(models.Model):
    """An area. Municipalities and prefectures use the 5-digit local government code
    (prefectures as NN000); countries their ISO code; districts and regions a slug."""

    code = models.CharField(_("code"), max_length=40, unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=AreaKind.choices)
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        verbose_name=_("parent"),
    )
    name = models.CharField(_("name"), max_length=120)
    # A region groups areas that are not its children (e.g. a biocultural region).
    members = models.ManyToManyField(
        "self",
        blank=True,
        symmetrical=False,
        related_name="regions",
        verbose_name=_("members"),
    )
    centroid_lat = models.FloatField(_("centroid latitude"), null=True, blank=True)
    centroid_lon = models.FloatField(_("centroid longitude"), null=True, blank=True)
    geometry = models.JSONField(_("GeoJSON geometry"), null=True, blank=True)
    geometry_source = models.CharField(_("geometry source"), max_length=200, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("area")
        verbose_name_plural = _("areas")

    def __str__(self) -> str:
        return self.name


class CityProfile(models.Model):
    """The public profile of the city this installation serves."""

    area = models.OneToOneField(Area, on_delete=models.PROTECT, related_name="city_profile")
    tagline = models.CharField(_("tagline"), max_length=200)
    summary = models.TextField(_("summary"))
    website = models.URLField(_("official website"), blank=True)

    class Meta:
        verbose_name = _("city profile")
        verbose_name_plural = _("city profiles")

    def __str__(self) -> str:
        return str(self.area)


class CityFact(models.Model):
    """One figure or fact on the city profile; every fact names its source and year."""

    profile = models.ForeignKey(CityProfile, on_delete=models.CASCADE, related_name="facts")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    label = models.CharField(_("label"), max_length=120)
    value = models.CharField(_("value"), max_length=200)
    source = models.CharField(_("source"), max_length=300)
    source_url = models.URLField(_("source URL"), blank=True)
    year = models.PositiveSmallIntegerField(_("reference year"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo content"), default=False)

    class Meta:
        ordering = ["profile", "order"]
        verbose_name = _("city fact")
        verbose_name_plural = _("city facts")

    def __str__(self) -> str:
        return f"{self.label}: {self.value}"
