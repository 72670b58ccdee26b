"""Emails to visitors, in the language they used on the site. Built after commit and queued
for a worker (tsunagu.core.emails); a failure is logged, never raised (it must not undo a
booking)."""

import logging
from urllib.parse import urljoin

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from tsunagu.core.emails import email_enqueue
from tsunagu.experiences.ical import booking_ics
from tsunagu.experiences.models import Booking, WaitlistEntry

logger = logging.getLogger(__name__)

EMAILS = {
    "booking_confirmed": gettext_noop("Booking confirmed: %(title)s"),
    "booking_cancelled": gettext_noop("Booking cancelled: %(title)s"),
    "slot_closed": gettext_noop("Session cancelled by the workshop: %(title)s"),
    "waitlist_joined": gettext_noop("Waiting list: %(title)s"),
    "waitlist_offer": gettext_noop("Seats are free for you: %(title)s"),
    "waitlist_closed": gettext_noop("Session cancelled by the workshop: %(title)s"),
}


def site_url(path: str) -> str:
    return urljoin(getattr(settings, "TSUNAGU_SITE_URL", "http://localhost:8000"), path)


def _send(what: str, *, to: str, language: str, context: dict, attach_ics: Booking | None = None):
    experience = context["slot"].experience
    with translation.override(language):
        try:
            message = EmailMessage(
                subject=_(EMAILS[what]) % {"title": experience.title},
                body=render_to_string(f"experiences/email/{what}.txt", context),
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[to],
            )
            if attach_ics is not None:
                message.attach("booking.ics", booking_ics(attach_ics), "text/calendar")
            email_enqueue(message, log_ref=f"{what} email (slot {context['slot'].pk})")
        except Exception:
            # Never the address: logs must not carry personal data.
            logger.exception("could not build the %s email (slot %s)", what, context["slot"].pk)


def booking_email_on_commit(booking: Booking, what: str) -> None:
    def send() -> None:
        with translation.override(booking.site_language):
            url = site_url(reverse("experiences:booking_detail", args=[booking.code]))
        _send(
            what,
            to=booking.email,
            language=booking.site_language,
            context={"booking": booking, "slot": booking.slot, "url": url},
            attach_ics=booking if what == "booking_confirmed" else None,
        )

    transaction.on_commit(send)


def waitlist_email_on_commit(entry: WaitlistEntry, what: str) -> None:
    def send() -> None:
        with translation.override(entry.site_language):
            url = site_url(reverse("experiences:offer_accept", args=[entry.token]))
        _send(
            what,
            to=entry.email,
            language=entry.site_language,
            context={"entry": entry, "slot": entry.slot, "url": url},
        )

    transaction.on_commit(send)
