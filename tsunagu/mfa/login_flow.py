"""The second step of logging in. After the right password, a user with an authenticator is
not logged in yet: the session remembers who they are (for five minutes) and they are asked
for a code. Only the right code (or a backup code) logs them in, and marks the session as
verified (django-otp), which the admin site asks for.

Wrong codes count as failed log-ins for django-axes, so the same lockout (five failures for
one email from one address) stops anyone guessing codes after stealing a password."""

import time

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth import get_user_model, login, user_login_failed
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django_otp import login as otp_login
from django_otp import match_token

from tsunagu.mfa.services import token_normalise

PENDING_KEY = "mfa_pending"
PENDING_SECONDS = 300


def two_factor_login_start(request: HttpRequest, user, next_url: str) -> HttpResponse:
    """Remember who gave the right password and send them to the code page."""
    request.session.cycle_key()
    request.session[PENDING_KEY] = {
        "user": user.pk,
        "backend": getattr(user, "backend", settings.AUTHENTICATION_BACKENDS[-1]),
        "next": next_url,
        "at": time.time(),
    }
    return redirect("mfa:verify")


def pending_user_get(request: HttpRequest):
    """The user waiting for their second step, or None (none, or waited too long)."""
    pending = request.session.get(PENDING_KEY)
    if not pending or time.time() - pending["at"] > PENDING_SECONDS:
        request.session.pop(PENDING_KEY, None)
        return None
    return get_user_model().objects.filter(pk=pending["user"], is_active=True).first()


def _credentials(user) -> dict:
    return {settings.AXES_USERNAME_FORM_FIELD: user.email}


def pending_user_locked_out(request: HttpRequest, user) -> bool:
    return not AxesProxyHandler.is_allowed(request, credentials=_credentials(user))


def two_factor_login_finish(request: HttpRequest, user, token: str) -> str | None:
    """Log the user in if the code is right and return where to go next; None if it is wrong
    (counted as a failed log-in)."""
    device = match_token(user, token_normalise(token))
    if device is None:
        user_login_failed.send(sender=__name__, credentials=_credentials(user), request=request)
        return None
    pending = request.session.pop(PENDING_KEY)
    login(request, user, backend=pending["backend"])
    otp_login(request, device)
    return pending["next"]
