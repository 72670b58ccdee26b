"""Monthly visitor figures by area (tidy: one row per measure and category), the imports that
wrote them, and the crowding thresholds staff set per area."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tsunagu.core.models import Area


class Measure(models.TextChoices):
    VISITORS = "visitors", _("Visitors")
    STAYS_JAPANESE = "stays_japanese", _("Overnight stays (Japanese guests)")
    STAYS_FOREIGN = "stays_foreign", _("Overnight stays (foreign guests)")
    STAYS_FOREIGN_COUNTRY = "stays_foreign_country", _("Overnight stays by country/region")
    ROOMS = "rooms", _("Guest rooms")
    BEDS = "beds", _("Beds")
    OCCUPANCY_RATE = "occupancy_rate", _("Room occupancy rate (%)")
    ATTRACTION_VISITS = "attraction_visits", _("Attraction visits")
    RESIDENTS = "residents", _("Residents")


# Measures whose category names what is counted (a country/region, an attraction).
CATEGORISED = frozenset({Measure.STAYS_FOREIGN_COUNTRY, Measure.ATTRACTION_VISITS})


class VisitorImport(models.Model):
    """One imported file: who, when, and what it wrote or replaced."""

    file_name = models.CharField(_("file"), max_length=300)
    file_sha256 = models.CharField(max_length=64, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    imported_at = models.DateTimeField(auto_now_add=True)
    rows = models.PositiveIntegerField(default=0)
    months = models.PositiveIntegerField(default=0)
    replaced = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-imported_at"]
        verbose_name = _("visitor statistics import")
        verbose_name_plural = _("visitor statistics imports")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.imported_at:%Y-%m-%d %H:%M})"


class MonthlyFigure(models.Model):
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="visitor_figures")
    year = models.PositiveSmallIntegerField(_("year"))
    month = models.PositiveSmallIntegerField(_("month"))
    measure = models.CharField(_("measure"), max_length=24, choices=Measure.choices)
    # The country/region or the attraction; empty for the other measures.
    category = models.CharField(_("category"), max_length=120, blank=True, default="")
    value = models.FloatField(_("value"))
    is_demo = models.BooleanField(_("demo content"), default=False)
    source = models.CharField(_("source"), max_length=300, blank=True)
    import_run = models.ForeignKey(
        VisitorImport, null=True, blank=True, on_delete=models.SET_NULL, related_name="figures"
    )

    class Meta:
        ordering = ["area", "year", "month", "measure", "category"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "year", "month", "measure", "category"],
                name="tourism_monthly_figure_key",
            ),
            models.CheckConstraint(
                condition=models.Q(month__gte=1, month__lte=12), name="tourism_month_1_12"
            ),
        ]
        verbose_name = _("monthly visitor figure")
        verbose_name_plural = _("monthly visitor figures")

    def __str__(self) -> str:
        category = f" {self.category}" if self.category else ""
        return f"{self.area_id} {self.year}-{self.month:02d} {self.measure}{category}: {self.value}"


class CrowdingThreshold(models.Model):
    """Visitors per resident in a month above which staff want to be warned (and alarmed)."""

    area = models.OneToOneField(Area, on_delete=models.CASCADE, related_name="crowding_threshold")
    warning = models.FloatField(_("warning level (visitors per resident per month)"))
    critical = models.FloatField(_("critical level (visitors per resident per month)"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    updated_at = models.DateTimeField(auto_now=True)
    is_demo = models.BooleanField(_("demo content"), default=False)

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(warning__gt=0, critical__gt=models.F("warning")),
                name="tourism_threshold_order",
            )
        ]
        verbose_name = _("crowding threshold")
        verbose_name_plural = _("crowding thresholds")

    def __str__(self) -> str:
        return f"{self.area}: {self.warning} / {self.critical}"
