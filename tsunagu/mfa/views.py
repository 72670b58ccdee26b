"""Two-step log-in pages: the code page after the password, and the settings page where staff
and assessors turn it on (QR code or secret, then a code) or off (with a code)."""

from base64 import b32encode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django_otp import login as otp_login

from tsunagu.accounts.views import login_locked_out
from tsunagu.mfa import login_flow, selectors, services
from tsunagu.mfa.forms import CodeForm
from tsunagu.mfa.policy import two_factor_allowed
from tsunagu.mfa.qr import qr_data_uri


def verify(request: HttpRequest) -> HttpResponse:
    user = login_flow.pending_user_get(request)
    if user is None:
        messages.info(request, _("Log in again: the code page waited too long."))
        return redirect("accounts:login")
    if login_flow.pending_user_locked_out(request, user):
        return login_locked_out(request, None, None)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        next_url = login_flow.two_factor_login_finish(request, user, form.cleaned_data["token"])
        if next_url is not None:
            return redirect(next_url)
        form.add_error("token", _("That code is not right."))
    return render(request, "mfa/verify.html", {"form": form}, status=400 if form.errors else 200)


def _secret_text(device) -> str:
    """The secret as authenticator apps take it when typed: base32, in groups of four."""
    secret = b32encode(device.bin_key).decode().rstrip("=")
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def _setup_context(device) -> dict:
    return {"setup": device, "secret": _secret_text(device), "qr": qr_data_uri(device.config_url)}


@login_required
def settings_page(request: HttpRequest) -> HttpResponse:
    """GET shows the state; POST `action` is start, confirm, disable or backup_codes."""
    if not two_factor_allowed(request.user):
        raise PermissionDenied
    user = request.user
    form = CodeForm(request.POST or None)
    context: dict = {"form": form}
    action = request.POST.get("action")
    status = 200
    if action == "start":
        try:
            context.update(_setup_context(services.totp_setup_start(user=user)))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        form = context["form"] = CodeForm()
    elif action in ("confirm", "disable", "backup_codes"):
        try:
            if not form.is_valid():
                raise ValidationError(_("Enter the code."))
            token = form.cleaned_data["token"]
            if action == "confirm":
                device, codes = services.totp_setup_confirm(user=user, token=token)
                otp_login(request, device)
                context["backup_codes"] = codes
                messages.success(request, _("Two-step log-in is on."))
            elif action == "backup_codes":
                context["backup_codes"] = services.backup_codes_renew(user=user, token=token)
            else:
                services.two_factor_disable(user=user, token=token)
                messages.success(request, _("Two-step log-in is off."))
                return redirect("mfa:settings")
            context["form"] = CodeForm()
        except ValidationError as error:
            if not form.errors:
                form.add_error("token", error)
            status = 400
            setup = selectors.totp_setup_get(user)
            if action == "confirm" and setup is not None:
                context.update(_setup_context(setup))
    context.update(
        enabled=selectors.two_factor_enabled(user),
        backup_left=selectors.backup_codes_left(user),
    )
    return render(request, "mfa/settings.html", context, status=status)
