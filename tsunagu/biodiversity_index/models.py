"""City Biodiversity Index: indicator definitions, yearly assessments and their scores."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from tsunagu.core.models import Area


class Component(models.TextChoices):
    NATIVE = "native", _("Native biodiversity in the city")
    SERVICES = "services", _("Ecosystem services provided by biodiversity")
    GOVERNANCE = "governance", _("Governance and management of biodiversity")


class ScoringMethod(models.TextChoices):
    COMPUTED = "computed", _("Computed from platform data")
    MANUAL = "manual", _("Entered by staff")


class Indicator(models.Model):
    """One of the 28 indicators; rows come from definitions.py (indicator_definitions_sync)."""

    number = models.PositiveSmallIntegerField(_("number"), unique=True)
    component = models.CharField(_("component"), max_length=12, choices=Component.choices)
    name_ja = models.CharField(_("name (Japanese)"), max_length=300)
    name_en = models.CharField(_("name (English)"), max_length=300)
    description_ja = models.TextField(_("description (Japanese)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    unit_ja = models.CharField(_("unit (Japanese)"), max_length=100, blank=True)
    unit_en = models.CharField(_("unit (English)"), max_length=100, blank=True)
    method = models.CharField(_("scoring method"), max_length=10, choices=ScoringMethod.choices)
    compute = models.CharField(_("computation"), max_length=40, blank=True)
    group = models.CharField(_("species group"), max_length=40, blank=True)
    # {"direction": "higher"|"lower", "cuts": [[value, inclusive] ×4]} or null (not found)
    thresholds = models.JSONField(_("scoring ranges"), null=True, blank=True)
    thresholds_note = models.CharField(_("about the ranges"), max_length=300, blank=True)

    class Meta:
        ordering = ["number"]
        verbose_name = _("CBI indicator")
        verbose_name_plural = _("CBI indicators")

    def __str__(self) -> str:
        return f"{self.number}. {self.name}"

    def _text(self, field: str) -> str:
        lang = (get_language() or "ja")[:2]
        return getattr(self, f"{field}_{lang}", "") or getattr(self, f"{field}_ja")

    @property
    def name(self) -> str:
        return self._text("name")

    @property
    def description(self) -> str:
        return self._text("description")

    @property
    def unit(self) -> str:
        return self._text("unit")


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")


class Assessment(models.Model):
    """A city's scoring of the 28 indicators for one year."""

    area = models.ForeignKey(
        Area, on_delete=models.PROTECT, related_name="cbi_assessments", verbose_name=_("city")
    )
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(
        _("status"), max_length=10, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT
    )
    summary_ja = models.TextField(_("summary (Japanese)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    is_demo = models.BooleanField(_("demo content"), default=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # Raised on every publication: the edition rank of the figures fed to the indicators module,
    # so that a corrected publication replaces the figures of the previous one.
    revision = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["area", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["area", "year"], name="cbi_assessment_area_year")
        ]
        verbose_name = _("CBI assessment")
        verbose_name_plural = _("CBI assessments")

    def __str__(self) -> str:
        return f"{self.area} {self.year}"

    @property
    def is_published(self) -> bool:
        return self.status == AssessmentStatus.PUBLISHED

    @property
    def summary(self) -> str:
        lang = (get_language() or "ja")[:2]
        return getattr(self, f"summary_{lang}", "") or self.summary_ja


class IndicatorScore(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="scores")
    raw_value = models.FloatField(_("value"), null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=100, blank=True)
    score = models.PositiveSmallIntegerField(_("score (0–4)"), null=True, blank=True)
    data_ja = models.TextField(_("data (Japanese)"), blank=True)
    data_en = models.TextField(_("data (English)"), blank=True)
    evidence_ja = models.TextField(_("evidence (Japanese)"), blank=True)
    evidence_en = models.TextField(_("evidence (English)"), blank=True)
    source_url = models.URLField(_("source URL"), blank=True, max_length=500)
    evidence_file = models.FileField(
        _("evidence file"), upload_to="biodiversity_index/evidence/%Y/", blank=True
    )
    is_computed = models.BooleanField(_("computed"), default=False)
    computed_score = models.PositiveSmallIntegerField(null=True, blank=True, editable=False)
    override_reason = models.TextField(_("reason for overriding the computed score"), blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["assessment", "indicator__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "indicator"], name="cbi_score_assessment_indicator"
            ),
            models.CheckConstraint(
                condition=Q(score__isnull=True) | Q(score__lte=4), name="cbi_score_0_to_4"
            ),
        ]
        verbose_name = _("CBI indicator score")
        verbose_name_plural = _("CBI indicator scores")

    def __str__(self) -> str:
        return f"{self.assessment} #{self.indicator.number}: {self.score}"

    def _text(self, field: str) -> str:
        lang = (get_language() or "ja")[:2]
        return getattr(self, f"{field}_{lang}", "") or getattr(self, f"{field}_ja")

    @property
    def data(self) -> str:
        return self._text("data")

    @property
    def evidence(self) -> str:
        return self._text("evidence")

    @property
    def is_overridden(self) -> bool:
        return (
            self.is_computed
            and self.computed_score is not None
            and (self.score != self.computed_score)
        )
