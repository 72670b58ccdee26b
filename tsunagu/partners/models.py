"""The IMAGINE KANAZAWA 2030 partner registry.

A partner is an organisation (or an individual) registered with the programme. Its public
profile lives on the accounts Organisation (name, description, kind, website, SDGs), so that
membership and object permissions work the same as everywhere else; the registry adds the
application workflow, offers and needs, and contact details that only staff see.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from tsunagu.accounts.models import Organisation
from tsunagu.core.images import ReencodedImageField
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


class PartnerSector(models.TextChoices):
    CRAFTS = "crafts", _("Crafts and culture")
    MANUFACTURING = "manufacturing", _("Manufacturing")
    FOOD = "food", _("Food and agriculture")
    TOURISM = "tourism", _("Tourism and hospitality")
    RETAIL = "retail", _("Retail and services")
    FINANCE = "finance", _("Finance")
    CONSTRUCTION = "construction", _("Construction and real estate")
    ENERGY = "energy", _("Energy and environment")
    EDUCATION = "education", _("Education and research")
    WELFARE = "welfare", _("Health and welfare")
    MEDIA = "media", _("Media and IT")
    PUBLIC = "public", _("Public sector")
    COMMUNITY = "community", _("Community and volunteering")
    OTHER = "other", _("Other")


LOGO_MAX_BYTES = 2 * 1024 * 1024


def logo_size_validate(upload) -> None:
    if upload.size > LOGO_MAX_BYTES:
        raise ValidationError(_("The logo must be 2 MB or smaller."))


class Partner(models.Model):
    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="partner"
    )
    is_individual = models.BooleanField(_("individual"), default=False)
    size = models.CharField(_("size"), max_length=12, choices=PartnerSize.choices, blank=True)
    sector = models.CharField(_("sector"), max_length=16, choices=PartnerSector.choices, blank=True)
    # Raster formats only: Pillow verifies the file really is an image (SVG could carry script).
    logo = ReencodedImageField(
        _("logo"),
        upload_to="partners/logos/",
        blank=True,
        validators=[
            FileExtensionValidator(["png", "jpg", "jpeg", "webp"]),
            logo_size_validate,
        ],
        help_text=_("PNG, JPEG or WebP, up to 2 MB."),
    )
    area = models.ForeignKey(
        Area, null=True, blank=True, on_delete=models.SET_NULL, verbose_name=_("location")
    )
    offers = models.TextField(_("what we offer"), blank=True)
    needs = models.TextField(_("what we are looking for"), blank=True)
    tags = models.CharField(_("tags"), max_length=300, blank=True)
    offer_tags = models.CharField(
        _("offer tags"),
        max_length=300,
        blank=True,
        help_text=_("Comma-separated, e.g. venue, design, volunteers."),
    )
    need_tags = models.CharField(
        _("need tags"),
        max_length=300,
        blank=True,
        help_text=_("Comma-separated, e.g. venue, design, volunteers."),
    )
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
    is_demo = models.BooleanField(_("demo content"), default=False)

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


def tag_list(value: str) -> list[str]:
    """'Venue, design ,, 会場' -> ['venue', 'design', '会場'] (normalised for matching)."""
    return [t.strip().casefold() for t in value.replace("、", ",").split(",") if t.strip()]


class CouncilPosition(models.TextChoices):
    CHAIR = "chair", _("Chair")
    DEPUTY_CHAIR = "deputy_chair", _("Deputy chair")
    MEMBER = "member", _("Member")
    SECRETARY = "secretary", _("Secretary")


class CouncilMember(models.Model):
    """A seat on the Council for the Promotion of IMAGINE KANAZAWA 2030, for one term."""

    person_name = models.CharField(_("name"), max_length=150)
    title = models.CharField(_("title and affiliation"), max_length=200, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="council_seats",
        verbose_name=_("user account"),
    )
    partner = models.ForeignKey(
        Partner,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="council_seats",
        verbose_name=_("partner"),
    )
    position = models.CharField(_("position"), max_length=16, choices=CouncilPosition.choices)
    term_start = models.DateField(_("term start"))
    term_end = models.DateField(_("term end"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "term_start", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(term_end__isnull=True)
                | models.Q(term_end__gte=models.F("term_start")),
                name="council_term_ends_after_start",
            )
        ]
        verbose_name = _("council member")
        verbose_name_plural = _("council members")

    def __str__(self) -> str:
        return f"{self.person_name} ({self.get_position_display()})"


class IntroductionRequest(models.Model):
    """A partner asks the secretariat to introduce it to a suggested partner."""

    from_partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="introductions_requested"
    )
    to_partner = models.ForeignKey(
        Partner, on_delete=models.CASCADE, related_name="introductions_received"
    )
    project = models.ForeignKey(
        "projects.Project", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.TextField(_("message"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("requested"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(from_partner=models.F("to_partner")),
                name="introduction_not_to_itself",
            )
        ]
        verbose_name = _("introduction request")
        verbose_name_plural = _("introduction requests")

    def __str__(self) -> str:
        return f"{self.from_partner} → {self.to_partner}"
