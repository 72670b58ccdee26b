"""Certificates: issued on approval, one extension, suspension, revocation, expiry."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CertificateStatus(models.TextChoices):
    CURRENT = "current", _("Current")
    SUSPENDED = "suspended", _("Suspended")
    REVOKED = "revoked", _("Revoked")
    EXPIRED = "expired", _("Expired")


class Certificate(models.Model):
    number = models.CharField(_("certificate number"), max_length=20, unique=True)
    operator = models.ForeignKey(
        "tourism.Operator", on_delete=models.PROTECT, related_name="certificates"
    )
    application = models.OneToOneField(
        "tourism.Application", on_delete=models.PROTECT, related_name="certificate"
    )
    version = models.ForeignKey(
        "tourism.SchemeVersion", on_delete=models.PROTECT, related_name="certificates"
    )
    indicators = models.ManyToManyField("tourism.Indicator", verbose_name=_("certified indicators"))
    issued_on = models.DateField(_("issued"))
    expires_on = models.DateField(_("expires"))
    extended = models.BooleanField(_("extended"), default=False)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=CertificateStatus.choices,
        default=CertificateStatus.CURRENT,
    )
    status_reason = models.TextField(_("reason"), blank=True)
    reminder_60_sent = models.BooleanField(default=False)
    reminder_14_sent = models.BooleanField(default=False)

    class Meta:
        ordering = ["-issued_on", "number"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")

    def __str__(self) -> str:
        return self.number
