"""An account's application to a grant call, its budget lines, documents and the assessors'
scores per criterion."""

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils.functional import LazyObject
from django.utils.translation import gettext_lazy as _

from tsunagu.tourism_grants.models.calls import GrantCall, ScoringCriterion


class PrivateStorage(LazyObject):
    """Documents are never served from MEDIA_URL: only the document view streams them."""

    def _setup(self):
        from pathlib import Path

        location = getattr(settings, "TSUNAGU_PRIVATE_MEDIA_ROOT", None) or (
            Path(settings.MEDIA_ROOT).parent / "private-media"
        )
        self._wrapped = FileSystemStorage(location=location, base_url=None)


private_storage = PrivateStorage()


def _private_storage():
    return private_storage


class ApplicationStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    AWARDED = "awarded", _("Awarded")
    REJECTED = "rejected", _("Not funded")


class GrantApplication(models.Model):
    call = models.ForeignKey(GrantCall, on_delete=models.PROTECT, related_name="applications")
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="grant_applications"
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="grant_applications",
        verbose_name=_("organisation"),
    )
    project_title = models.CharField(_("project title"), max_length=200)
    description = models.TextField(_("project description"))
    requested_yen = models.PositiveBigIntegerField(_("requested amount (yen)"))
    goals = models.ManyToManyField("core.Goal", blank=True, verbose_name=_("SDGs"))
    status = models.CharField(
        _("status"), max_length=12, choices=ApplicationStatus.choices, default="draft"
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    is_demo = models.BooleanField(_("demo content"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("grant application")
        verbose_name_plural = _("grant applications")

    def __str__(self) -> str:
        return self.project_title

    @property
    def applicant_name(self) -> str:
        if self.organisation_id:
            return self.organisation.name
        return self.applicant.full_name or str(_("Individual applicant"))


class BudgetLine(models.Model):
    application = models.ForeignKey(
        GrantApplication, on_delete=models.CASCADE, related_name="budget_lines"
    )
    item = models.CharField(_("budget item"), max_length=200)
    amount_yen = models.PositiveBigIntegerField(_("amount (yen)"))

    class Meta:
        ordering = ["application", "pk"]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")

    def __str__(self) -> str:
        return f"{self.item}: ¥{self.amount_yen:,}"


class ApplicationDocument(models.Model):
    application = models.ForeignKey(
        GrantApplication, on_delete=models.CASCADE, related_name="documents"
    )
    file = models.FileField(
        _("file"), upload_to="tourism_grants/applications/", storage=_private_storage
    )
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=40)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["application", "pk"]
        verbose_name = _("application document")
        verbose_name_plural = _("application documents")

    def __str__(self) -> str:
        return self.original_name


class CriterionScore(models.Model):
    application = models.ForeignKey(
        GrantApplication, on_delete=models.CASCADE, related_name="scores"
    )
    criterion = models.ForeignKey(ScoringCriterion, on_delete=models.CASCADE, related_name="+")
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    score = models.PositiveSmallIntegerField(_("score"))
    comment = models.TextField(_("comment"), blank=True)
    scored_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["application", "criterion__order", "assessor"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "criterion", "assessor"], name="grant_score_once"
            ),
        ]
        verbose_name = _("criterion score")
        verbose_name_plural = _("criterion scores")

    def __str__(self) -> str:
        return f"{self.criterion}: {self.score}"
