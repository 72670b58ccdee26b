"""Partner projects: SMART commitments with deliverables, resources and annual progress reports.

Modelled on the UN SDG partnerships registry: a project is led by one partner, may have
co-partners, is tagged with goals/targets/local targets, and reports its progress every year.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from tsunagu.core.models import Area, PublicationStatus, SdgRelatedModel
from tsunagu.partners.models import Partner


class ProjectStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    STOPPED = "stopped", _("Stopped")
    INACTIVE = "inactive", _("Inactive (no report for 24 months)")


class Project(SdgRelatedModel):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    lead_partner = models.ForeignKey(
        Partner,
        on_delete=models.PROTECT,
        related_name="led_projects",
        verbose_name=_("lead partner"),
    )
    co_partners = models.ManyToManyField(
        Partner, blank=True, related_name="co_projects", verbose_name=_("co-partners")
    )
    area = models.ForeignKey(
        Area, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("place")
    )
    place = models.CharField(_("place (details)"), max_length=300, blank=True)
    starts_on = models.DateField(_("start"), null=True, blank=True)
    ends_on = models.DateField(_("end"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ProjectStatus.choices, default=ProjectStatus.PLANNED
    )
    publication = models.CharField(
        _("publication"),
        max_length=12,
        choices=PublicationStatus.choices,
        default=PublicationStatus.PUBLISHED,
    )
    indicators = models.ManyToManyField(
        "indicators.Indicator", blank=True, related_name="projects", verbose_name=_("indicators")
    )
    is_demo = models.BooleanField(
        _("demo content"),
        default=False,
        help_text=_("Shown with a 'demo content' label: an example, not a real commitment."),
    )
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__isnull=True)
                | Q(starts_on__isnull=True)
                | Q(ends_on__gte=F("starts_on")),
                name="project_ends_after_start",
            )
        ]
        verbose_name = _("project")
        verbose_name_plural = _("projects")

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.publication == PublicationStatus.PUBLISHED and self.lead_partner.is_published

    @property
    def owner_organisation_id(self) -> int:
        return self.lead_partner.organisation_id


class Deliverable(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="deliverables")
    title = models.CharField(_("deliverable"), max_length=300)
    due_on = models.DateField(_("due date"), null=True, blank=True)
    is_done = models.BooleanField(_("done"), default=False)
    done_on = models.DateField(_("done on"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "due_on", "pk"]
        verbose_name = _("deliverable")
        verbose_name_plural = _("deliverables")

    def __str__(self) -> str:
        return self.title


class ResourceKind(models.TextChoices):
    FINANCIAL = "financial", _("Financial")
    IN_KIND = "in_kind", _("In kind")
    STAFF = "staff", _("Staff")


class Resource(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="resources")
    kind = models.CharField(_("type"), max_length=12, choices=ResourceKind.choices)
    description = models.CharField(_("description"), max_length=300)
    amount_jpy = models.PositiveBigIntegerField(_("amount (yen)"), null=True, blank=True)
    person_days = models.PositiveIntegerField(_("person-days"), null=True, blank=True)
    provided_by = models.ForeignKey(
        Partner,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("provided by"),
    )

    class Meta:
        ordering = ["kind", "pk"]
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    def __str__(self) -> str:
        return self.description


class ProgressReport(models.Model):
    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="progress_reports")
    year = models.PositiveSmallIntegerField(_("reporting year"))
    submitted_at = models.DateTimeField(_("submitted"))
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    summary = models.TextField(_("progress"))
    # Figures reported that year, e.g. {"participants": 120, "trees planted": 300}.
    figures = models.JSONField(_("figures"), default=dict, blank=True)
    deliverables_done = models.ManyToManyField(
        Deliverable, blank=True, related_name="+", verbose_name=_("deliverables completed")
    )

    class Meta:
        ordering = ["-submitted_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["project", "year"], name="one_progress_report_a_year")
        ]
        verbose_name = _("progress report")
        verbose_name_plural = _("progress reports")

    def __str__(self) -> str:
        return f"{self.project} {self.year}"
