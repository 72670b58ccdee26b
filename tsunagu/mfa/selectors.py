from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

SETUP_NAME = "setup"  # the unconfirmed authenticator being set up


def totp_setup_get(user) -> TOTPDevice | None:
    """The authenticator being set up (not confirmed by a code yet)."""
    return TOTPDevice.objects.filter(user=user, confirmed=False).first()


def two_factor_enabled(user) -> bool:
    if not user.is_authenticated:
        return False
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def backup_codes_left(user) -> int:
    return StaticToken.objects.filter(device__user=user, device__confirmed=True).count()
