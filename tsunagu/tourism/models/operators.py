"""Tourism operators, the accounts acting for them, their tour products and assessors'
declared conflicts of interest."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class OperatorType(models.TextChoices):
    ACCOMMODATION = "accommodation", _("Accommodation")
    TOUR_OPERATOR = "tour_operator", _("Tour operator")
    ATTRACTION = "attraction", _("Attraction")
    RESTAURANT = "restaurant", _("Restaurant")
    CRAFT_WORKSHOP = "craft_workshop", _("Craft workshop")


class Operator(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    type = models.CharField(_("type"), max_length=20, choices=OperatorType.choices)
    description = models.TextField(_("description"), blank=True)
    area = models.ForeignKey(
        "core.Area", null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("area")
    )
    website = models.URLField(_("website"), blank=True)
    partner = models.ForeignKey(
        "partners.Partner",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("partner"),
    )
    workshop = models.ForeignKey(
        "crafts.Workshop",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("craft workshop"),
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="tourism_operators",
        verbose_name=_("members"),
    )
    is_demo = models.BooleanField(_("demo"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("tourism operator")
        verbose_name_plural = _("tourism operators")

    def __str__(self) -> str:
        return self.name


class TourProduct(models.Model):
    operator = models.ForeignKey(Operator, on_delete=models.CASCADE, related_name="products")
    title = models.CharField(_("title"), max_length=200)
    itinerary = models.TextField(_("itinerary"), blank=True)
    duration_minutes = models.PositiveIntegerField(_("duration (minutes)"), null=True, blank=True)
    places = models.TextField(_("places visited"), blank=True)
    partners = models.ManyToManyField(
        "partners.Partner", blank=True, verbose_name=_("partners involved")
    )
    price_yen = models.PositiveIntegerField(_("price (yen)"), null=True, blank=True)
    languages = models.CharField(_("languages"), max_length=100, blank=True)
    is_demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        ordering = ["operator", "title"]
        verbose_name = _("tour product")
        verbose_name_plural = _("tour products")

    def __str__(self) -> str:
        return self.title


class ConflictOfInterest(models.Model):
    """An assessor's declaration: they may not assess this operator's applications."""

    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tourism_conflicts"
    )
    operator = models.ForeignKey(Operator, on_delete=models.CASCADE, related_name="conflicts")
    note = models.TextField(_("note"), blank=True)
    declared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["assessor", "operator"], name="tourism_conflict_unique"
            ),
        ]
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")

    def __str__(self) -> str:
        return f"{self.assessor} ≠ {self.operator}"
