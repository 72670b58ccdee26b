"""The QR code on a confirmation page: it encodes the staff check-in URL with the code, so
that the reception's phone camera opens the check-in page ready to confirm."""

import segno
from django.http import HttpRequest
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.safestring import SafeString, mark_safe

from tsunagu.events.models import Registration


def check_in_url(request: HttpRequest, registration: Registration) -> str:
    path = reverse("events:check_in", args=[registration.event_id])
    return request.build_absolute_uri(f"{path}?{urlencode({'code': registration.code})}")


def qr_svg(data: str, *, title: str) -> SafeString:
    """Inline SVG; segno writes only numbers and path data, and escapes the title."""
    svg = segno.make(data, error="m").svg_inline(scale=5, border=4, title=title, svgclass="qr")
    return mark_safe(svg)  # noqa: S308
