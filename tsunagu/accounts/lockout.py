"""What django-axes counts log-in failures by: the email address and the client's IP address."""

from django.conf import settings
from django.http import HttpRequest


def lockout_username(request: HttpRequest, credentials: dict | None) -> str | None:
    """The email address as typed, lower-cased: changing its case must not reset the count."""
    source = credentials if credentials is not None else getattr(request, "POST", {})
    username = source.get(settings.AXES_USERNAME_FORM_FIELD)
    return username.strip().lower() if username else None


def client_ip(request: HttpRequest) -> str | None:
    """The client's address, as seen by the outermost of TSUNAGU_PROXY_COUNT trusted proxies.

    Each proxy appends the address it received the request from to X-Forwarded-For, so the
    entry that many places from the end is the one no client can forge.
    """
    proxies = settings.TSUNAGU_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip()
            for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if part.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR")
