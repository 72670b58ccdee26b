"""Applications, answers, private evidence, panel scores, appeals and the audit trail."""

import os
import uuid
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils.translation import gettext_lazy as _


class EvidenceStorage(FileSystemStorage):
    """Private storage outside MEDIA_ROOT (setting TOURISM_EVIDENCE_ROOT, by default
    var/private/tourism-evidence): files have no URL and are served only through a view
    that checks permissions."""

    @property
    def base_location(self) -> str:
        return str(
            getattr(settings, "TOURISM_EVIDENCE_ROOT", None)
            or Path(settings.BASE_DIR) / "var" / "private" / "tourism-evidence"
        )

    @property
    def location(self) -> str:
        return os.path.abspath(self.base_location)

    @property
    def base_url(self) -> None:
        return None

    def url(self, name):
        raise ValueError("tourism evidence has no public URL")


evidence_storage = EvidenceStorage()


def _evidence_path(_instance, filename: str) -> str:
    extension = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}.get(
        getattr(_instance, "content_type", ""), "bin"
    )
    return f"{uuid.uuid4().hex}.{extension}"


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted (technical check)")
    PANEL_REVIEW = "panel_review", _("Panel review")
    APPROVED = "approved", _("Approved")
    REFUSED = "refused", _("Refused")
    APPEALED = "appealed", _("Under appeal")


class Answer(models.TextChoices):
    MET = "met", _("Met")
    PARTLY = "partly", _("Partly met")
    NOT_MET = "not_met", _("Not met")
    NOT_APPLICABLE = "na", _("Not applicable")


class Score(models.TextChoices):
    MET = "met", _("Met")
    PARTLY = "partly", _("Partly met")
    NOT_MET = "not_met", _("Not met")


class Application(models.Model):
    operator = models.ForeignKey(
        "tourism.Operator", on_delete=models.CASCADE, related_name="applications"
    )
    version = models.ForeignKey(
        "tourism.SchemeVersion",
        on_delete=models.PROTECT,
        related_name="applications",
        verbose_name=_("scheme version"),
    )
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.DRAFT,
    )
    indicators = models.ManyToManyField(
        "tourism.Indicator", blank=True, verbose_name=_("indicators addressed")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)
    staff_comment = models.TextField(_("comments of the technical check"), blank=True)
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("chair"),
    )
    decision_reasons = models.JSONField(_("reasons per indicator"), default=dict, blank=True)
    is_demo = models.BooleanField(_("demo"), default=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("accreditation application")
        verbose_name_plural = _("accreditation applications")

    def __str__(self) -> str:
        return f"{self.operator} · {self.version}"

    @property
    def is_published(self) -> bool:
        return False


class ItemAnswer(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="answers")
    item = models.ForeignKey("tourism.Item", on_delete=models.PROTECT, related_name="+")
    answer = models.CharField(_("answer"), max_length=8, choices=Answer.choices)
    explanation = models.TextField(_("explanation"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["application", "item"], name="tourism_answer_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.item_id}: {self.answer}"


class Evidence(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="evidence")
    item = models.ForeignKey(
        "tourism.Item", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    file = models.FileField(_("file"), upload_to=_evidence_path, storage=evidence_storage)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=40)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self) -> str:
        return self.original_name


class PanelScore(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="scores")
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="tourism_scores"
    )
    item = models.ForeignKey("tourism.Item", on_delete=models.PROTECT, related_name="+")
    score = models.CharField(_("score"), max_length=8, choices=Score.choices)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["application", "assessor", "item"], name="tourism_score_unique"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.assessor_id} · {self.item_id}: {self.score}"


class AppealStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    UPHELD = "upheld", _("Upheld")
    DISMISSED = "dismissed", _("Dismissed")


class Appeal(models.Model):
    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="appeal")
    grounds = models.TextField(_("grounds"))
    lodged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    lodged_at = models.DateTimeField(auto_now_add=True)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="tourism_appeals",
        verbose_name=_("independent reviewer"),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=AppealStatus.choices, default=AppealStatus.PENDING
    )
    reason = models.TextField(_("reason"), blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("appeal")
        verbose_name_plural = _("appeals")

    def __str__(self) -> str:
        return f"{self.application} ({self.status})"


class AuditEntry(models.Model):
    """One state change of an application or a certificate: who, when, from → to, note."""

    application = models.ForeignKey(
        Application, null=True, blank=True, on_delete=models.CASCADE, related_name="audit"
    )
    certificate = models.ForeignKey(
        "tourism.Certificate",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="history",
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    at = models.DateTimeField()
    from_state = models.CharField(max_length=16, blank=True)
    to_state = models.CharField(max_length=16)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit trail")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.from_state} → {self.to_state}"

    def _label(self, state: str) -> str:
        from tsunagu.tourism.models.certificates import CertificateStatus

        choices = CertificateStatus if self.certificate_id else ApplicationStatus
        return dict(choices.choices).get(state, state)

    @property
    def from_label(self) -> str:
        return self._label(self.from_state) if self.from_state else ""

    @property
    def to_label(self) -> str:
        return self._label(self.to_state)
