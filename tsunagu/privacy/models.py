"""Privacy requests (data downloads and deletions): the audit staff read. A request holds no
personal data of its own: it names the person by a pseudonymous reference."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class RequestKind(models.TextChoices):
    DOWNLOAD = "download", _("Data download")
    DELETION = "deletion", _("Deletion")


class RequestStatus(models.TextChoices):
    COMPLETED = "completed", _("Completed")
    FAILED = "failed", _("Failed")


class PrivacyRequest(models.Model):
    kind = models.CharField(_("kind"), max_length=12, choices=RequestKind.choices)
    status = models.CharField(_("status"), max_length=12, choices=RequestStatus.choices)
    # The same for every request of one person, and not reversible to them without the
    # site's secret key: staff can tell requests apart without seeing who made them.
    subject_reference = models.CharField(_("person (pseudonymous)"), max_length=32, db_index=True)
    # Kept for downloads (the account still exists); after a deletion it points to the
    # scrubbed account, which holds nothing personal.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="privacy_requests",
        verbose_name=_("account"),
    )
    # None: carried out automatically when the person asked.
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("handled by"),
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    completed_at = models.DateTimeField(_("completed at"), null=True, blank=True)
    # Counts per kind of record ({"events.registration": {"anonymise": 2}}), never values.
    summary = models.JSONField(_("summary"), default=dict, blank=True)
    error = models.CharField(_("error"), max_length=200, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("privacy request")
        verbose_name_plural = _("privacy requests")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.subject_reference}"
