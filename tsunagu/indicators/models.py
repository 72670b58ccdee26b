"""Statistics and their observations, indicators computed from them, and stored scores."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tsunagu.core.models import Area, Goal, SdgRelatedModel


class Statistic(models.Model):
    """A source series, e.g. A1101 総人口 from SSDSE-A."""

    code = models.CharField(_("code"), max_length=40, unique=True)
    name = models.CharField(_("name"), max_length=300)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    source_dataset = models.CharField(_("source dataset"), max_length=60)
    credit = models.CharField(_("credit"), max_length=300)

    class Meta:
        ordering = ["code"]
        verbose_name = _("statistic")
        verbose_name_plural = _("statistics")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class ImportRun(models.Model):
    """One import of one file: who, when, which file, and what it changed."""

    importer = models.CharField(_("importer"), max_length=40)
    file_name = models.CharField(_("file"), max_length=300)
    file_sha256 = models.CharField(max_length=64)
    edition = models.CharField(_("edition"), max_length=60, blank=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    started_at = models.DateTimeField(auto_now_add=True)
    rows = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    changed = models.PositiveIntegerField(default=0)
    unchanged = models.PositiveIntegerField(default=0)
    conflicts = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("import run")
        verbose_name_plural = _("import runs")

    def __str__(self) -> str:
        return f"{self.importer} {self.file_name} ({self.started_at:%Y-%m-%d %H:%M})"


class ObservationStatus(models.TextChoices):
    FINAL = "", _("Final")
    PROVISIONAL = "provisional", _("Provisional")
    ESTIMATED = "estimated", _("Estimated")


class Observation(models.Model):
    """One figure: statistic × area × reference year (× disaggregation)."""

    statistic = models.ForeignKey(Statistic, on_delete=models.CASCADE, related_name="observations")
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="observations")
    year = models.PositiveSmallIntegerField(_("reference year"))
    # Canonical "field=value;field=value" (sorted); empty for the headline figure.
    disaggregation = models.CharField(_("disaggregation"), max_length=200, blank=True, default="")
    value = models.FloatField(_("value"))
    status = models.CharField(
        _("status"), max_length=16, blank=True, default="", choices=ObservationStatus.choices
    )
    edition = models.CharField(_("source edition"), max_length=60)
    # Orders editions of one source: a higher rank is a newer edition.
    edition_rank = models.PositiveIntegerField(default=0)
    import_run = models.ForeignKey(ImportRun, null=True, on_delete=models.SET_NULL)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["statistic", "area", "year", "disaggregation"], name="observation_key"
            )
        ]
        indexes = [models.Index(fields=["area", "statistic"])]
        verbose_name = _("observation")
        verbose_name_plural = _("observations")

    def __str__(self) -> str:
        return f"{self.statistic_id} {self.area_id} {self.year}: {self.value}"


class ObservationChange(models.Model):
    """The audit trail of a figure replaced by a newer edition."""

    observation = models.ForeignKey(Observation, on_delete=models.CASCADE, related_name="changes")
    old_value = models.FloatField()
    new_value = models.FloatField()
    old_edition = models.CharField(max_length=60)
    new_edition = models.CharField(max_length=60)
    import_run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="changes")

    class Meta:
        verbose_name = _("observation change")
        verbose_name_plural = _("observation changes")

    def __str__(self) -> str:
        return f"{self.observation}: {self.old_value} → {self.new_value}"


class Direction(models.TextChoices):
    HIGHER = "higher", _("Higher is better")
    LOWER = "lower", _("Lower is better")


class Indicator(SdgRelatedModel):
    code = models.CharField(_("code"), max_length=20, unique=True)
    indicator_set = models.CharField(_("indicator set version"), max_length=40)
    order = models.PositiveIntegerField(default=0)
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    rationale = models.TextField(_("rationale"), blank=True)
    goal = models.ForeignKey(Goal, on_delete=models.PROTECT, related_name="indicators")
    formula = models.CharField(_("formula"), max_length=500)
    unit = models.CharField(_("unit"), max_length=60)
    direction = models.CharField(_("direction"), max_length=8, choices=Direction.choices)
    lower_bound = models.FloatField(_("lower bound"), null=True, blank=True)
    upper_bound = models.FloatField(_("optimum (upper bound)"))
    green_threshold = models.FloatField(_("green threshold"))
    yellow_threshold = models.FloatField(_("yellow threshold"), null=True, blank=True)
    red_threshold = models.FloatField(_("red threshold"))
    target_value = models.FloatField(_("local 2030 target"), null=True, blank=True)
    target_base_year = models.PositiveSmallIntegerField(_("base year"), null=True, blank=True)
    target_year = models.PositiveSmallIntegerField(_("target year"), null=True, blank=True)
    target_is_demo = models.BooleanField(_("demo target"), default=False)
    source = models.CharField(_("source"), max_length=300)

    class Meta:
        ordering = ["goal_id", "order"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class CompositeIndicator(models.Model):
    code = models.CharField(_("code"), max_length=20, unique=True)
    name = models.CharField(_("name"), max_length=200)
    rationale = models.TextField(_("rationale"), blank=True)
    goal = models.ForeignKey(Goal, on_delete=models.PROTECT, related_name="composites")
    components = models.ManyToManyField(Indicator, related_name="composites")

    class Meta:
        ordering = ["goal_id", "code"]
        verbose_name = _("composite indicator")
        verbose_name_plural = _("composite indicators")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"


class IndicatorValue(models.Model):
    """An indicator computed for an area and year, with the input years it used."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="values")
    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="indicator_values")
    year = models.PositiveSmallIntegerField()
    value = models.FloatField()
    input_years = models.JSONField(default=dict)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "area", "year"], name="indicator_value_key"
            )
        ]
        indexes = [models.Index(fields=["area", "indicator"])]

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.area_id} {self.year}: {self.value}"


class ScoreKind(models.TextChoices):
    INDICATOR = "indicator", _("Indicator")
    COMPOSITE = "composite", _("Composite indicator")
    GOAL = "goal", _("Goal")
    INDEX = "index", _("Index")
    TARGET_PROGRESS = "progress", _("Progress to the local target")


class Score(models.Model):
    """Stored SDSN results so pages never recompute them per request."""

    area = models.ForeignKey(Area, on_delete=models.CASCADE, related_name="scores")
    year = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=12, choices=ScoreKind.choices)
    code = models.CharField(max_length=20)
    value = models.FloatField(null=True)
    score = models.FloatField(null=True)
    colour = models.CharField(max_length=8, blank=True)
    trend = models.CharField(max_length=24, blank=True)
    rank = models.PositiveIntegerField(null=True)
    rank_in_prefecture = models.PositiveIntegerField(null=True)
    rank_in_population_class = models.PositiveIntegerField(null=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["area", "year", "kind", "code"], name="score_key")
        ]
        indexes = [models.Index(fields=["year", "kind", "code"])]

    def __str__(self) -> str:
        return f"{self.area_id} {self.year} {self.kind} {self.code}: {self.score}"
