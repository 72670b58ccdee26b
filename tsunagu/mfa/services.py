"""Turning two-step log-in on and off. The authenticator app (TOTP, RFC 6238) is the second
step; ten single-use backup codes stand in for a lost phone."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django_otp import match_token
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from tsunagu.mfa.policy import two_factor_allowed
from tsunagu.mfa.selectors import SETUP_NAME

BACKUP_CODES = 10


def totp_setup_start(*, user) -> TOTPDevice:
    """A fresh, unconfirmed authenticator (its secret is shown once, as a QR code and text);
    starting again replaces an earlier unconfirmed one."""
    if not two_factor_allowed(user):
        raise PermissionDenied
    if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
        # Replacing the authenticator needs a code: turn it off first.
        raise ValidationError(_("Two-step log-in is already on."))
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return TOTPDevice.objects.create(user=user, name=SETUP_NAME, confirmed=False)


@transaction.atomic
def totp_setup_confirm(*, user, token: str) -> tuple[TOTPDevice, list[str]]:
    """Turn the authenticator on once it produced a right code; returns it and the new backup
    codes (the page shows them once)."""
    if not two_factor_allowed(user):
        raise PermissionDenied
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        raise ValidationError(_("Start the setup again: no authenticator is waiting."))
    if not device.verify_token(token_normalise(token)):
        raise ValidationError(_("That code is not right. Check the time on your phone."))
    device.confirmed = True
    device.name = "authenticator"
    device.save(update_fields=["confirmed", "name"])
    return device, backup_codes_create(user=user)


def backup_codes_create(*, user) -> list[str]:
    """Ten new backup codes; the old ones stop working."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="backup codes", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@transaction.atomic
def backup_codes_renew(*, user, token: str) -> list[str]:
    """New backup codes (the old ones stop working), for a user who gives a current code."""
    if not TOTPDevice.objects.filter(user=user, confirmed=True).exists() or (
        match_token(user, token_normalise(token)) is None
    ):
        raise ValidationError(_("That code is not right."))
    return backup_codes_create(user=user)


@transaction.atomic
def two_factor_disable(*, user, token: str) -> None:
    """Turn two-step log-in off; a current code (or a backup code) proves it is the owner."""
    if match_token(user, token_normalise(token)) is None:
        raise ValidationError(_("That code is not right: two-step log-in stays on."))
    TOTPDevice.objects.filter(user=user).delete()
    StaticDevice.objects.filter(user=user).delete()


def token_normalise(token: str) -> str:
    """What people type: spaces and dashes between the digits are left out."""
    return "".join((token or "").split()).replace("-", "").lower()
