"""Bookings of a slot, and the waiting list of a full slot."""

import secrets

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from tsunagu.events.models.registrations import registration_code_new

from .experiences import LANGUAGE_LABELS
from .slots import Slot


def offer_token_new() -> str:
    return secrets.token_urlsafe(24)


class BookingStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    CANCELLED = "cancelled", _("Cancelled by the visitor")
    CANCELLED_BY_WORKSHOP = "closed", _("Cancelled by the workshop")


class Booking(models.Model):
    """Seats for a visitor (an account, or a guest with name and email). Paid at the
    workshop: `amount_due` is fixed when booking."""

    slot = models.ForeignKey(
        Slot, on_delete=models.PROTECT, related_name="bookings", verbose_name=_("slot")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="experience_bookings",
        verbose_name=_("account"),
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("email address"))
    participants = models.PositiveSmallIntegerField(
        _("participants"), validators=[MinValueValidator(1)]
    )
    language = models.CharField(_("language of the session"), max_length=8)
    needs = models.TextField(_("needs"), blank=True)
    # The site language the visitor used, for later emails.
    site_language = models.CharField(
        _("site language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    code = models.CharField(
        _("confirmation code"), max_length=16, unique=True, default=registration_code_new
    )
    status = models.CharField(
        _("status"), max_length=12, choices=BookingStatus.choices, default=BookingStatus.CONFIRMED
    )
    amount_due = models.PositiveIntegerField(_("amount due at the workshop (yen)"))
    created_at = models.DateTimeField(_("booked at"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)
    # True: cancelled in time for a full refund; False: too late; None: custom policy text.
    cancelled_within_policy = models.BooleanField(
        _("cancelled within the policy"), null=True, blank=True
    )
    checked_in_at = models.DateTimeField(_("checked in at"), null=True, blank=True)
    no_show = models.BooleanField(_("no-show"), default=False)
    is_demo = models.BooleanField(_("demo content"), default=False)

    class Meta:
        ordering = ["slot", "created_at", "pk"]
        indexes = [models.Index(fields=["slot", "status"])]
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def is_confirmed(self) -> bool:
        return self.status == BookingStatus.CONFIRMED

    @property
    def language_label(self) -> str:
        return str(LANGUAGE_LABELS.get(self.language, self.language))


class WaitlistStatus(models.TextChoices):
    WAITING = "waiting", _("Waiting")
    OFFERED = "offered", _("Offered a seat")
    ACCEPTED = "accepted", _("Accepted")
    EXPIRED = "expired", _("Offer expired")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class WaitlistEntry(models.Model):
    """A visitor waiting for seats in a full slot. An offer holds the seats (they count in
    the slot's seats_taken) until `offer_expires_at`."""

    slot = models.ForeignKey(
        Slot, on_delete=models.CASCADE, related_name="waitlist", verbose_name=_("slot")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="experience_waitlist_entries",
        verbose_name=_("account"),
    )
    name = models.CharField(_("name"), max_length=150)
    email = models.EmailField(_("email address"))
    participants = models.PositiveSmallIntegerField(
        _("participants"), validators=[MinValueValidator(1)]
    )
    language = models.CharField(_("language of the session"), max_length=8)
    needs = models.TextField(_("needs"), blank=True)
    site_language = models.CharField(
        _("site language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    status = models.CharField(
        _("status"), max_length=10, choices=WaitlistStatus.choices, default=WaitlistStatus.WAITING
    )
    token = models.CharField(_("offer token"), max_length=64, unique=True, default=offer_token_new)
    created_at = models.DateTimeField(_("joined at"), auto_now_add=True)
    offered_at = models.DateTimeField(_("offered at"), null=True, blank=True)
    offer_expires_at = models.DateTimeField(_("offer expires at"), null=True, blank=True)
    booking = models.OneToOneField(
        "Booking",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="waitlist_entry",
        verbose_name=_("booking"),
    )

    class Meta:
        ordering = ["slot", "created_at", "pk"]
        indexes = [models.Index(fields=["slot", "status", "created_at"])]
        verbose_name = _("waiting-list entry")
        verbose_name_plural = _("waiting-list entries")

    def __str__(self) -> str:
        return f"{self.name} ({self.get_status_display()})"
