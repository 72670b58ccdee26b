"""An award (amount decided by staff), the payments made against it and the recipient's report.

`paid_yen` changes only through one conditional UPDATE and is held within the award by a
check constraint."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tsunagu.tourism_grants.models.applications import GrantApplication, _private_storage


class PaymentStatus(models.TextChoices):
    PENDING = "pending", pgettext_lazy("payment status", "Pending")
    PARTLY_PAID = "partly_paid", pgettext_lazy("payment status", "Paid in part")
    PAID = "paid", pgettext_lazy("payment status", "Paid")


class Award(models.Model):
    application = models.OneToOneField(
        GrantApplication, on_delete=models.PROTECT, related_name="award"
    )
    amount_yen = models.PositiveBigIntegerField(_("award amount (yen)"))
    paid_yen = models.PositiveBigIntegerField(_("paid (yen)"), default=0, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), auto_now_add=True)

    class Meta:
        ordering = ["-decided_at"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(paid_yen__lte=models.F("amount_yen")),
                name="grant_award_never_overpaid",
            ),
        ]
        verbose_name = _("award")
        verbose_name_plural = _("awards")

    def __str__(self) -> str:
        return f"{self.application} – ¥{self.amount_yen:,}"

    @property
    def payment_status(self) -> str:
        if self.paid_yen == 0:
            return PaymentStatus.PENDING
        if self.paid_yen < self.amount_yen:
            return PaymentStatus.PARTLY_PAID
        return PaymentStatus.PAID

    def get_payment_status_display(self) -> str:
        return PaymentStatus(self.payment_status).label


class Payment(models.Model):
    award = models.ForeignKey(Award, on_delete=models.CASCADE, related_name="payments")
    amount_yen = models.PositiveBigIntegerField(_("amount (yen)"))
    paid_on = models.DateField(_("paid on"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["award", "paid_on", "pk"]
        verbose_name = _("payment")
        verbose_name_plural = _("payments")

    def __str__(self) -> str:
        return f"¥{self.amount_yen:,} ({self.paid_on})"


class ReportStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    ACCEPTED = "accepted", _("Accepted")
    RETURNED = "returned", _("Returned for changes")


class GrantReport(models.Model):
    """The recipient's report after the project: text, figures (label, value, unit) and files."""

    award = models.OneToOneField(Award, on_delete=models.CASCADE, related_name="report")
    text = models.TextField(_("report"))
    figures = models.JSONField(_("figures"), default=list, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=ReportStatus.choices, default="submitted"
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_comment = models.TextField(_("review comment"), blank=True)

    class Meta:
        verbose_name = _("grant report")
        verbose_name_plural = _("grant reports")

    def __str__(self) -> str:
        return str(self.award)


class ReportAttachment(models.Model):
    report = models.ForeignKey(GrantReport, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(
        _("file"), upload_to="tourism_grants/reports/", storage=_private_storage
    )
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=40)

    class Meta:
        ordering = ["report", "pk"]
        verbose_name = _("report attachment")
        verbose_name_plural = _("report attachments")

    def __str__(self) -> str:
        return self.original_name
