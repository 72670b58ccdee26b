"""Emails to the applicant: the receipt of a submission, the award or the decline, each payment
and the review of their report. In the applicant's language (Japanese when they have none),
built once the action has committed and queued for a worker (tsunagu.core.emails): a
rolled-back action sends nothing, and a mail failure is logged, never raised (it must not undo a
decision). Demo calls send nothing: their people are invented."""

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
from tsunagu.tourism_grants.models import GrantApplication

logger = logging.getLogger(__name__)

# Marked for translation here, translated when the mail is sent, in the applicant's language.
EMAILS = {
    "application_submitted": gettext_noop("Grant application received: %(title)s"),
    "application_awarded": gettext_noop("Grant awarded: %(title)s"),
    "application_rejected": gettext_noop("Decision on your grant application: %(title)s"),
    "payment_recorded": gettext_noop("Grant payment made: %(title)s"),
    "report_reviewed": gettext_noop("Your grant report has been reviewed: %(title)s"),
}


def application_email_send(application: GrantApplication, what: str, **context) -> bool:
    """Render one email about `application` to its applicant and queue it; returns whether it
    was queued (or, without a broker, sent). `context` holds the facts as they were when the
    action was taken (the objects may change again before the transaction commits)."""
    applicant, call = application.applicant, application.call
    if call.is_demo or application.is_demo or not applicant.email:
        return False
    with translation.override(applicant.language or settings.LANGUAGE_CODE):
        try:
            url = urljoin(
                settings.TSUNAGU_SITE_URL,
                reverse("tourism_grants:application_detail", args=[application.pk]),
            )
            message = EmailMessage(
                subject=_(EMAILS[what]) % {"title": application.project_title},
                body=render_to_string(
                    f"tourism_grants/email/{what}.txt",
                    {"application": application, "call": call, "url": url, **context},
                ),
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[applicant.email],
            )
        except Exception:
            logger.exception("could not build the %s email (application %s)", what, application.pk)
            return False
    return email_enqueue(message, log_ref=f"{what} email (application {application.pk})")


def application_email_send_on_commit(application: GrantApplication, what: str, **context) -> None:
    transaction.on_commit(lambda: application_email_send(application, what, **context))
