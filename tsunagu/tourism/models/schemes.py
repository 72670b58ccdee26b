"""Schemes as data: scheme → version (with its decision rules) → indicator → item."""

from decimal import Decimal

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _


class Scheme(models.Model):
    code = models.SlugField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    is_default = models.BooleanField(_("default scheme"), default=False)

    class Meta:
        ordering = ["code"]
        verbose_name = _("scheme")
        verbose_name_plural = _("schemes")

    def __str__(self) -> str:
        return self.name

    def current_version(self) -> "SchemeVersion | None":
        return self.versions.order_by("-number").first()


class SchemeVersion(models.Model):
    """One version of a scheme with its decision rules. Once an application uses it, it is
    frozen: changing the scheme means copying it into a new version (scheme_version_copy)."""

    scheme = models.ForeignKey(Scheme, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveSmallIntegerField(_("version"))
    note = models.TextField(_("note"), blank=True)
    is_paraphrase = models.BooleanField(_("texts are the platform's paraphrase"), default=False)
    min_indicators = models.PositiveSmallIntegerField(
        _("minimum number of indicators to address"), default=1
    )
    required_indicator_codes = models.JSONField(
        _("indicators that must be addressed"), default=list, blank=True
    )
    item_share_needed = models.DecimalField(
        _("share of items needed for an indicator to be met"),
        max_digits=3,
        decimal_places=2,
        default=Decimal("0.50"),
        validators=[MinValueValidator(Decimal("0.01")), MaxValueValidator(Decimal("1"))],
    )
    appeal_days = models.PositiveSmallIntegerField(_("days to appeal a refusal"), default=30)
    validity_days = models.PositiveSmallIntegerField(
        _("validity of a certificate (days)"), default=365
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["scheme", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "number"], name="tourism_version_unique"),
        ]
        verbose_name = _("scheme version")
        verbose_name_plural = _("scheme versions")

    def __str__(self) -> str:
        return f"{self.scheme} v{self.number}"

    @property
    def is_used(self) -> bool:
        return self.applications.exists()


class Indicator(models.Model):
    version = models.ForeignKey(SchemeVersion, on_delete=models.CASCADE, related_name="indicators")
    code = models.CharField(_("code"), max_length=8)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["version", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["version", "code"], name="tourism_indicator_unique"),
        ]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return f"{self.code}. {self.title}"


class Item(models.Model):
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="items")
    code = models.CharField(_("code"), max_length=12)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    title = models.CharField(_("title"), max_length=300)
    guidance = models.TextField(_("guidance"), blank=True)
    evidence_expected = models.TextField(_("evidence expected"), blank=True)
    is_mandatory = models.BooleanField(_("mandatory"), default=False)
    related_goals = models.JSONField(_("related SDGs (goal numbers)"), default=list, blank=True)

    class Meta:
        ordering = ["indicator", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "code"], name="tourism_item_unique"),
        ]
        verbose_name = _("item")
        verbose_name_plural = _("items")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"
