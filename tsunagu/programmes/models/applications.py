"""Applications to a call, their uploaded documents and the assessors' scores."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tsunagu.core.uploads import private_media_storage


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    AWARDED = "awarded", _("Awarded")
    REJECTED = "rejected", _("Rejected")
    WAITLISTED = "waitlisted", _("Waitlisted")


DECISIONS = (ApplicationStatus.AWARDED, ApplicationStatus.REJECTED, ApplicationStatus.WAITLISTED)


class Criterion(models.TextChoices):
    QUALITY = "quality", _("Quality of work")
    PLAN = "plan", _("Plan and commitment")
    CONTRIBUTION = "contribution", _("Contribution to the city's crafts")


class Application(models.Model):
    call = models.ForeignKey(
        "programmes.Call", on_delete=models.PROTECT, related_name="applications"
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="programme_applications"
    )
    full_name = models.CharField(_("full name"), max_length=150)
    date_of_birth = models.DateField(_("date of birth"))
    statement = models.TextField(_("statement"))
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    guardian_name = models.CharField(_("guardian's name"), max_length=150, blank=True)
    guardian_consent = models.BooleanField(_("guardian's consent"), default=False)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ApplicationStatus.choices,
        default=ApplicationStatus.SUBMITTED,
    )
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    is_demo = models.BooleanField(_("demo content"), default=False)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["call", "applicant"], name="programme_application_once_per_call"
            ),
            models.CheckConstraint(
                condition=Q(status="submitted") | ~Q(decision_reason=""),
                name="programme_application_decision_has_reason",
            ),
        ]
        verbose_name = _("application")
        verbose_name_plural = _("applications")

    def __str__(self) -> str:
        return f"{self.full_name} → {self.call}"


def _document_path(instance: "ApplicationDocument", filename: str) -> str:
    extension = {"application/pdf": "pdf", "image/jpeg": "jpg", "image/png": "png"}.get(
        instance.content_type, "bin"
    )
    return f"programmes/applications/{uuid.uuid4().hex}.{extension}"


class ApplicationDocument(models.Model):
    """An uploaded document; served only to the applicant, staff and assigned assessors."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="documents")
    file = models.FileField(_("file"), upload_to=_document_path, storage=private_media_storage)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=40)
    size = models.PositiveIntegerField(_("size (bytes)"))

    class Meta:
        ordering = ["pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self) -> str:
        return self.original_name


class Score(models.Model):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="scores")
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="programme_scores"
    )
    criterion = models.CharField(_("criterion"), max_length=16, choices=Criterion.choices)
    value = models.PositiveSmallIntegerField(_("score (0–5)"))
    comment = models.TextField(_("comment"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["application", "assessor", "criterion"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "assessor", "criterion"], name="programme_score_once"
            ),
            models.CheckConstraint(condition=Q(value__lte=5), name="programme_score_0_to_5"),
        ]
        verbose_name = _("score")
        verbose_name_plural = _("scores")

    def __str__(self) -> str:
        return f"{self.application_id} {self.criterion}: {self.value}"
