"""Reports (VLR, UNESCO MMR, ...), their ordered sections, and generated versions.

A version freezes everything a report shows — figures, charts, narrative — in `snapshot`
(JSON), so a published report never changes when data or narrative change later."""

import os
import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils.translation import gettext_lazy as _


class ReportType(models.TextChoices):
    VLR = "vlr", _("Voluntary Local Review")
    MMR = "mmr", _("UNESCO Membership Monitoring Report")
    PARTNERSHIP = "partnership", _("Annual partnership report")
    BIODIVERSITY = "biodiversity", _("Biodiversity report")


class ReportLanguages(models.TextChoices):
    JA = "ja", _("Japanese")
    EN = "en", _("English")
    BOTH = "both", _("Japanese and English")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")


class Report(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    type = models.CharField(_("type"), max_length=16, choices=ReportType.choices)
    title = models.CharField(_("title"), max_length=200)
    area = models.ForeignKey("core.Area", on_delete=models.PROTECT, verbose_name=_("area"))
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    languages = models.CharField(
        _("languages"), max_length=4, choices=ReportLanguages.choices, default=ReportLanguages.BOTH
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ReportStatus.choices, default=ReportStatus.DRAFT
    )
    published_version = models.ForeignKey(
        "reports.ReportVersion",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("published version"),
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    is_demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        ordering = ["-period_end", "slug"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self) -> str:
        return self.title

    @property
    def language_codes(self) -> list[str]:
        return ["ja", "en"] if self.languages == ReportLanguages.BOTH else [self.languages]


class SectionKind(models.TextChoices):
    NARRATIVE = "narrative", _("Narrative")
    BLOCK = "block", _("Generated from data")


class Section(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="sections")
    order = models.PositiveIntegerField(_("order"), default=0)
    kind = models.CharField(_("kind"), max_length=10, choices=SectionKind.choices)
    block = models.CharField(_("data block"), max_length=40, blank=True)
    params = models.JSONField(_("block parameters"), default=dict, blank=True)
    heading = models.CharField(_("heading"), max_length=200)
    # Sanitised HTML (tsunagu.reports.sanitize); written by staff, one per language.
    body = models.TextField(_("text"), blank=True)

    class Meta:
        ordering = ["report", "order", "pk"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self) -> str:
        return self.heading


class VersionStatus(models.TextChoices):
    QUEUED = "queued", _("Queued")
    RUNNING = "running", _("Generating")
    DONE = "done", _("Ready")
    FAILED = "failed", _("Failed")


class PrivateReportStorage(FileSystemStorage):
    """Generated files are not public: they are served by a view that checks permissions,
    from TSUNAGU_PRIVATE_MEDIA_ROOT/reports (read at each use, so settings can change)."""

    def __init__(self) -> None:
        super().__init__(base_url=None)

    @property
    def base_location(self):
        return settings.TSUNAGU_PRIVATE_MEDIA_ROOT / "reports"

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def deconstruct(self):
        return ("tsunagu.reports.models.PrivateReportStorage", (), {})


private_report_storage = PrivateReportStorage()


def _output_path(version: "ReportVersion", filename: str) -> str:
    return f"{version.report.slug}/v{version.number}/{filename}"


class ReportVersion(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    snapshot_id = models.UUIDField(_("snapshot id"), default=uuid.uuid4, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    generated_at = models.DateTimeField(_("generated"), null=True, blank=True)
    generated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(
        _("status"), max_length=8, choices=VersionStatus.choices, default=VersionStatus.QUEUED
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    stage = models.CharField(_("stage"), max_length=200, blank=True)
    error = models.TextField(_("error"), blank=True)
    duration_seconds = models.FloatField(_("generation time (s)"), null=True, blank=True)
    snapshot = models.JSONField(_("snapshot"), null=True, blank=True)
    pdf_ja = models.FileField(storage=private_report_storage, upload_to=_output_path, blank=True)
    pdf_en = models.FileField(storage=private_report_storage, upload_to=_output_path, blank=True)
    docx_ja = models.FileField(storage=private_report_storage, upload_to=_output_path, blank=True)
    docx_en = models.FileField(storage=private_report_storage, upload_to=_output_path, blank=True)

    class Meta:
        ordering = ["report", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["report", "number"], name="reports_version_unique")
        ]
        verbose_name = _("report version")
        verbose_name_plural = _("report versions")

    def __str__(self) -> str:
        return f"{self.report} v{self.number}"
