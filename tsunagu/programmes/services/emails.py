"""The decision email, in the applicant's language, built after commit and queued for a worker
(tsunagu.core.emails); a mail failure never undoes a decision."""

import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from tsunagu.core.emails import email_enqueue
from tsunagu.programmes.models import Application

logger = logging.getLogger(__name__)


def decision_email_send(application: Application) -> bool:
    applicant = application.applicant
    with translation.override(applicant.language or settings.LANGUAGE_CODE):
        try:
            message = EmailMessage(
                subject=_("Decision on your application: %(title)s")
                % {"title": application.call.title},
                body=render_to_string(
                    "programmes/email/decision.txt", {"application": application}
                ),
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[applicant.email],
            )
        except Exception:
            logger.exception("could not build the decision email (application %s)", application.pk)
            return False
    return email_enqueue(message, log_ref=f"decision email (application {application.pk})")


def decision_email_send_on_commit(application: Application) -> None:
    transaction.on_commit(lambda: decision_email_send(application))
