"""An assessor's declared conflict of interest with a grant applicant.

Grant applications are made by an account, optionally for an organisation, not by a tourism
operator: the declaration names the applicant and the organisation applied for, and it covers
every application of either."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class GrantConflict(models.Model):
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="grant_conflicts",
        verbose_name=_("assessor"),
    )
    applicant = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("applicant"),
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisation"),
    )
    note = models.TextField(_("note"), blank=True)
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    declared_at = models.DateTimeField(_("declared at"), auto_now_add=True)

    class Meta:
        ordering = ["-declared_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessor", "applicant", "organisation"], name="grant_conflict_unique"
            ),
        ]
        verbose_name = _("grant conflict of interest")
        verbose_name_plural = _("grant conflicts of interest")

    def __str__(self) -> str:
        return f"{self.assessor} ≠ {self.organisation or self.applicant}"
