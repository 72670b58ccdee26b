"""Emails go through the Celery workers: built in the request, queued when a broker takes them,
sent inline when it does not, retried by the worker while the mail server fails, and logged
without the recipient's address."""

import json
import logging
import smtplib

import pytest
from celery.exceptions import Retry
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils import translation
from kombu.exceptions import OperationalError

from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.core.emails import (
    EmailNotSentError,
    email_message_from_payload,
    email_message_to_payload,
)
from tsunagu.core.tasks import email_send

ADDRESS = "hanako.yamada@example.jp"
LOCMEM_SEND = "django.core.mail.backends.locmem.EmailBackend.send_messages"


class _Queued:
    """What apply_async returns when a broker took the task."""

    def ready(self) -> bool:
        return False


@pytest.fixture
def queue(monkeypatch):
    """A broker that takes every email task; the list holds (args, options) per task."""
    queued = []

    def take(args, kwargs, **options):
        queued.append((args, options))
        return _Queued()

    monkeypatch.setattr(email_send, "apply_async", take)
    return queued


@pytest.fixture
def password_reset(client, db):
    UserFactory(email=ADDRESS)

    def post():
        with translation.override("en"):
            url = reverse("password_reset")
        return client.post(url, {"email": ADDRESS})

    return post


def test_a_message_survives_the_trip_through_the_broker_as_json():
    message = EmailMultiAlternatives(
        "件名", "本文", "city@example.jp", [ADDRESS], reply_to=["visitor@example.org"]
    )
    message.attach_alternative("<p>本文</p>", "text/html")
    message.attach("booking.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar")
    message.attach("map.png", b"\x89PNG\r\n\x1a\n\x00\xff", "image/png")
    payload = json.loads(json.dumps(email_message_to_payload(message)))
    rebuilt = email_message_from_payload(payload)
    assert (rebuilt.subject, rebuilt.body, rebuilt.from_email) == (
        "件名",
        "本文",
        "city@example.jp",
    )
    assert (rebuilt.to, rebuilt.reply_to) == ([ADDRESS], ["visitor@example.org"])
    assert list(rebuilt.alternatives) == [("<p>本文</p>", "text/html")]
    assert [tuple(a) for a in rebuilt.attachments] == [
        ("booking.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "text/calendar"),
        ("map.png", b"\x89PNG\r\n\x1a\n\x00\xff", "image/png"),
    ]


def test_with_a_broker_the_email_is_queued_not_sent_in_the_request(password_reset, queue):
    response = password_reset()
    assert response.status_code == 302
    assert mail.outbox == []
    ((args, options),) = queue
    payload, log_ref = args
    assert payload["to"] == [ADDRESS]
    assert "/en/accounts/reset/" in payload["body"]  # built in the request, in its language
    assert ADDRESS not in log_ref
    assert ADDRESS not in options["argsrepr"] + options["kwargsrepr"]  # Celery logs these

    assert email_send(*args) is True  # what the worker does with it
    (sent,) = mail.outbox
    assert sent.to == [ADDRESS]
    assert "Password reset" in sent.subject


def test_an_unreachable_broker_sends_the_email_inline(password_reset, monkeypatch, caplog):
    def broker_down(*args, **options):
        raise OperationalError("connection refused")

    monkeypatch.setattr(email_send, "apply_async", broker_down)
    assert password_reset().status_code == 302
    (sent,) = mail.outbox
    assert sent.to == [ADDRESS]
    assert "running tsunagu.core.tasks.email_send inline" in caplog.text


def _payload() -> dict:
    return email_message_to_payload(
        EmailMultiAlternatives("Booking confirmed", "See you", "city@example.jp", [ADDRESS])
    )


def _refuse_recipient(code: int):
    reply = f"<{ADDRESS}>: Recipient address rejected".encode()

    def refuse(backend, messages):
        raise smtplib.SMTPRecipientsRefused({ADDRESS: (code, reply)})

    return refuse


def test_a_passing_smtp_failure_is_retried_later_and_logged_without_the_address(
    monkeypatch, caplog
):
    monkeypatch.setattr(LOCMEM_SEND, _refuse_recipient(450))  # greylisted: try later
    retries = []

    def retry(**options):
        retries.append(options)
        return Retry()

    monkeypatch.setattr(email_send, "retry", retry)
    caplog.set_level(logging.INFO)
    with pytest.raises(Retry):
        email_send(_payload(), "booking_confirmed email (slot 7)")
    (options,) = retries
    assert isinstance(options["exc"], EmailNotSentError)
    assert 0 <= options["countdown"] <= 30  # the first wait; later ones double
    assert "could not send the booking_confirmed email (slot 7)" in caplog.text
    assert ADDRESS not in caplog.text
    assert ADDRESS not in str(options["exc"])
    assert options["exc"].__suppress_context__  # the server's reply stays out of tracebacks
    assert email_send.max_retries == 5


def test_a_permanent_refusal_is_not_retried(monkeypatch, caplog):
    monkeypatch.setattr(LOCMEM_SEND, _refuse_recipient(550))
    monkeypatch.setattr(email_send, "retry", lambda **options: pytest.fail("retried"))
    assert email_send(_payload(), "booking_confirmed email (slot 7)") is False
    assert "SMTPRecipientsRefused 550" in caplog.text
    assert ADDRESS not in caplog.text


def test_an_inline_send_fails_once_and_quietly(monkeypatch, caplog):
    """Without a broker the request sends the email itself: no retries to wait for, and a
    failure must not turn a finished booking into an error page."""
    attempts = []

    def down(backend, messages):
        attempts.append(1)
        raise ConnectionRefusedError("no mail server")

    monkeypatch.setattr(LOCMEM_SEND, down)
    assert email_send.apply((_payload(), "booking_confirmed email (slot 7)")).result is False
    assert attempts == [1]
    assert "could not send the booking_confirmed email (slot 7) (ConnectionRefusedError)" in (
        caplog.text
    )
