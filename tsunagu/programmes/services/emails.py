"""The decision email, in the applicant's language; a mail failure never undoes a decision."""

import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from tsunagu.programmes.models import Application

logger = logging.getLogger(__name__)


def decision_email_send(application: Application) -> bool:
    applicant = application.applicant
    with translation.override(applicant.language or settings.LANGUAGE_CODE):
        try:
            send_mail(
                subject=_("Decision on your application: %(title)s")
                % {"title": application.call.title},
                message=render_to_string(
                    "programmes/email/decision.txt", {"application": application}
                ),
                from_email=settings.DEFAULT_FROM_EMAIL,
                recipient_list=[applicant.email],
            )
        except Exception:
            logger.exception("could not send the decision email (application %s)", application.pk)
            return False
    return True


def decision_email_send_on_commit(application: Application) -> None:
    transaction.on_commit(lambda: decision_email_send(application))
