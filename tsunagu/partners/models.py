"""The IMAGINE KANAZAWA 2030 partner registry.

A partner is an organisation (or an individual) registered with the programme. Its public
profile lives on the accounts Organisation (name, description, kind, website, SDGs), so that
membership and object permissions work the same as everywhere else; the registry adds the
application workflow, offers and needs, and contact details that only staff see.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from tsunagu.accounts.models import Organisation
from tsunagu.core.models import Area


class PartnerStatus(models.TextChoices):
    APPLIED = "applied", _("Applied")
    APPROVED = "approved", _("Approved")
    REJECTED = "rejected", _("Rejected")
    ACTIVE = "active", _("Active")
    INACTIVE = "inactive", _("Inactive")
    WITHDRAWN = "withdrawn", _("Withdrawn")


PUBLIC_STATUSES = (PartnerStatus.APPROVED, PartnerStatus.ACTIVE)


class PartnerSize(models.TextChoices):
    INDIVIDUAL = "individual", _("Individual")
    SMALL = "small", _("1–9 people")
    MEDIUM = "medium", _("10–99 people")
    LARGE = "large", _("100 people or more")


class Partner(models.Model):
    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="partner"
    )
    is_individual = models.BooleanField(_("individual"), default=False)
    size = models.CharField(_("size"), max_length=12, choices=PartnerSize.choices, blank=True)
    area = models.ForeignKey(
        Area, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("location")
    )
    offers = models.TextField(_("what we offer"), blank=True)
    needs = models.TextField(_("what we are looking for"), blank=True)
    tags = models.CharField(_("tags"), max_length=300, blank=True)
    contact_name = models.CharField(_("contact person"), max_length=120)
    contact_email = models.EmailField(_("contact email"))
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=PartnerStatus.choices, default=PartnerStatus.APPLIED
    )
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    applied_at = models.DateTimeField(_("applied"), auto_now_add=True)
    registered_on = models.DateField(_("registration date"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    matchmaking_opt_in = models.BooleanField(_("suggest us to other partners"), default=True)

    class Meta:
        ordering = ["organisation__slug"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self) -> str:
        return str(self.organisation)

    @property
    def is_published(self) -> bool:
        return self.status in PUBLIC_STATUSES

    @property
    def owner_organisation_id(self) -> int:
        return self.organisation_id
