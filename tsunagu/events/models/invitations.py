"""Invitations to events whose audience is "by invitation"."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from .events import Event
from .registrations import Registration, RegistrationStatus


def invitation_token_new() -> str:
    return secrets.token_urlsafe(24)


class Invitation(models.Model):
    """A personal link that lets one email address register although registration is closed
    to the public. It is used up by a registration (and usable again if that is cancelled)."""

    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("event")
    )
    email = models.EmailField(_("email address"))
    name = models.CharField(_("name"), max_length=150, blank=True)
    token = models.CharField(max_length=64, unique=True, default=invitation_token_new)
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("invited at"), auto_now_add=True)
    registration = models.OneToOneField(
        Registration,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="invitation",
        verbose_name=_("registration"),
    )

    class Meta:
        ordering = ["event", "created_at", "pk"]
        constraints = [
            models.UniqueConstraint("event", Lower("email"), name="invitation_unique_email"),
        ]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")

    def __str__(self) -> str:
        return self.email

    @property
    def is_used(self) -> bool:
        return (
            self.registration is not None
            and self.registration.status != RegistrationStatus.CANCELLED
        )
