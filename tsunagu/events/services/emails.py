"""Emails to registrants and invitees, always in the language they used."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from tsunagu.core.emails import email_enqueue
from tsunagu.events.models import Registration

logger = logging.getLogger(__name__)

# Marked for translation here, translated when the mail is sent, in the registrant's language.
EMAILS = {
    "confirmed": ("registration_confirmed", gettext_noop("Registration confirmed: %(title)s")),
    "waitlisted": ("registration_waitlisted", gettext_noop("Waiting list: %(title)s")),
    "promoted": ("registration_promoted", gettext_noop("A seat is now yours: %(title)s")),
    "reminder": ("registration_reminder", gettext_noop("Reminder: %(title)s")),
    "invitation": ("invitation", gettext_noop("Invitation: %(title)s")),
}


def email_send(*, what: str, to: str, language: str, context: dict, log_ref: object = None) -> bool:
    """Render one email in `language` and queue it for a worker (tsunagu.core.emails); a
    failure is logged, never raised (a mail server outage must not undo a registration).
    Returns whether it was queued (or, without a broker, sent)."""
    template, subject = EMAILS[what]
    with translation.override(language):
        try:
            message = EmailMessage(
                subject=_(subject) % {"title": context["event"].title},
                body=render_to_string(f"events/email/{template}.txt", context),
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[to],
            )
        except Exception:
            logger.exception("could not build the %s email (%s)", what, log_ref)
            return False
    return email_enqueue(message, log_ref=f"{what} email ({log_ref})")


def registration_email_send(registration: Registration, what: str) -> bool:
    return email_send(
        what=what,
        to=registration.email,
        language=registration.language,
        context={"registration": registration, "event": registration.event},
        log_ref=f"registration {registration.pk}",
    )


def registration_email_send_on_commit(registration: Registration, what: str) -> None:
    transaction.on_commit(lambda: registration_email_send(registration, what))
