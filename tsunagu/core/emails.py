"""Outgoing email goes through the Celery workers.

The request builds the whole message (in the recipient's language, with absolute links), so
translation and URLs are right; a worker hands it to the mail server and retries, with backoff,
while the server is unreachable or answers "try later". Without a broker the message is sent in
this process instead (the task is cheap and must not be lost, see tsunagu.core.tasks), once,
and a failure is logged, never raised: it must not undo the action that sent it.

Logs name an email by a reference (what it is and which record), never by an address or the
mail server's reply, which often quotes the address: logs must not carry personal data.
"""

import base64
import logging
import smtplib

from celery.result import EagerResult
from django.core.mail import EmailMessage, EmailMultiAlternatives

logger = logging.getLogger(__name__)


class EmailNotSentError(Exception):
    """A passing mail server failure, described without the message's addresses."""


def email_message_to_payload(message: EmailMessage) -> dict:
    """The message as JSON-serialisable data for the broker: text attachments (an .ics) stay
    text, binary ones travel as base64."""
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "content_subtype": message.content_subtype,
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [
            [str(content), mimetype] for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": [_attachment_to_payload(attachment) for attachment in message.attachments],
    }


def _attachment_to_payload(attachment) -> dict:
    if not isinstance(attachment, tuple):
        raise TypeError("attach MIME parts by (filename, content, mimetype) to queue an email")
    filename, content, mimetype = attachment
    if isinstance(content, bytes):
        return {
            "filename": filename,
            "base64": base64.b64encode(content).decode(),
            "mimetype": mimetype,
        }
    return {"filename": filename, "text": content, "mimetype": mimetype}


def email_message_from_payload(payload: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=payload["subject"],
        body=payload["body"],
        from_email=payload["from_email"],
        to=payload["to"],
        cc=payload["cc"],
        bcc=payload["bcc"],
        reply_to=payload["reply_to"],
        headers=payload["headers"],
    )
    message.content_subtype = payload["content_subtype"]
    for content, mimetype in payload["alternatives"]:
        message.attach_alternative(content, mimetype)
    for attachment in payload["attachments"]:
        content = (
            base64.b64decode(attachment["base64"]) if "base64" in attachment else attachment["text"]
        )
        message.attach(attachment["filename"], content, attachment["mimetype"])
    return message


def email_enqueue(message: EmailMessage, *, log_ref: str) -> bool:
    """Queue `message` for a worker now (use it in on_commit callbacks and in tasks). Returns
    whether it was queued or, when it ran inline, sent."""
    from tsunagu.core.tasks import email_send, enqueue

    result = enqueue(email_send, email_message_to_payload(message), log_ref)
    # Asking a queued task's result would wait for the result store; only an inline run has one.
    return bool(result.result) if isinstance(result, EagerResult) else True


def email_enqueue_on_commit(message: EmailMessage, *, log_ref: str) -> None:
    """Queue `message`, built now, once the current transaction commits (none if it rolls
    back)."""
    from tsunagu.core.tasks import email_send, enqueue_on_commit

    enqueue_on_commit(email_send, email_message_to_payload(message), log_ref)


def email_deliver(payload: dict, *, log_ref: str, may_retry: bool) -> bool:
    """Hand one queued message to the mail server; returns whether it took it. A passing
    failure raises EmailNotSentError when `may_retry` (the task retries it later)."""
    try:
        email_message_from_payload(payload).send()
    except Exception as error:  # whatever fails, the action that sent the email stands
        reason = _reason(error)
        if may_retry and _is_passing(error):
            logger.warning("could not send the %s (%s); will try again", log_ref, reason)
            # `from None`: the original error's text may quote the address.
            raise EmailNotSentError(f"could not send the {log_ref} ({reason})") from None
        logger.error("could not send the %s (%s)", log_ref, reason)
        return False
    logger.info("sent the %s", log_ref)
    return True


def _smtp_codes(error: Exception) -> list[int]:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return [code for code, _reply in error.recipients.values()]
    code = getattr(error, "smtp_code", None)
    return [code] if isinstance(code, int) else []


def _is_passing(error: Exception) -> bool:
    """Connection trouble, or a server that answers 4xx ("try later"): worth another try. A 5xx
    answer (an unknown mailbox) will not change."""
    if isinstance(error, smtplib.SMTPException | OSError):
        return not any(500 <= code < 600 for code in _smtp_codes(error))
    return False


def _reason(error: Exception) -> str:
    codes = _smtp_codes(error)
    return type(error).__name__ + (f" {', '.join(map(str, codes))}" if codes else "")
