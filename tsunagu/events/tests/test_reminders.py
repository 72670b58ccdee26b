"""Reminder emails, one per registration, 24–48 hours before the event."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail

from tsunagu.events import tasks
from tsunagu.events.models import EventMode, EventStatus, RegistrationStatus
from tsunagu.events.services import reminders_send
from tsunagu.events.tests.factories import EventFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

NOW = datetime(2030, 6, 1, 9, 0, tzinfo=ZoneInfo("Asia/Tokyo"))


def event_in(hours: float, **fields):
    start = NOW + timedelta(hours=hours)
    return EventFactory(starts_at=start, ends_at=start + timedelta(hours=2), **fields)


def test_reminds_confirmed_registrants_of_events_24_to_48_hours_ahead():
    due = event_in(30)
    confirmed = RegistrationFactory(event=due, email="due@example.org")
    RegistrationFactory(event=due, status=RegistrationStatus.WAITLISTED)
    RegistrationFactory(event=due, status=RegistrationStatus.CANCELLED)
    RegistrationFactory(event=event_in(23))  # too close: just confirmed anyway
    RegistrationFactory(event=event_in(49))  # too early: reminded by a later run
    RegistrationFactory(event=event_in(30, status=EventStatus.CANCELLED))
    RegistrationFactory(event=event_in(30, status=EventStatus.DRAFT))
    assert reminders_send(now=NOW) == 1
    assert [m.to for m in mail.outbox] == [["due@example.org"]]
    assert confirmed.code in mail.outbox[0].body
    confirmed.refresh_from_db()
    assert confirmed.reminded_at == NOW


def test_hourly_runs_send_each_reminder_once():
    event = event_in(47.5)
    RegistrationFactory.create_batch(3, event=event)
    sent = [reminders_send(now=NOW + timedelta(hours=hour)) for hour in range(30)]
    assert sum(sent) == 3
    assert sent[0] == 3
    assert len(mail.outbox) == 3


def test_the_event_enters_the_window_on_the_hour_it_is_48_hours_away():
    event = event_in(49)
    RegistrationFactory(event=event)
    assert reminders_send(now=NOW) == 0
    assert reminders_send(now=NOW + timedelta(hours=1)) == 1


def test_reminder_speaks_the_registrants_language_and_gives_the_online_link():
    event = event_in(
        36,
        title_ja="SDGsカフェ #20",
        title_en="SDGs Café #20",
        mode=EventMode.ONLINE,
        online_url="https://meet.example.org/cafe20",
    )
    RegistrationFactory(event=event, email="ja@example.org", language="ja")
    RegistrationFactory(event=event, email="en@example.org", language="en")
    reminders_send(now=NOW)
    by_address = {m.to[0]: m for m in mail.outbox}
    assert "SDGsカフェ #20" in by_address["ja@example.org"].subject
    assert "SDGs Café #20" in by_address["en@example.org"].subject
    assert "Reminder" in by_address["en@example.org"].subject
    assert all("https://meet.example.org/cafe20" in m.body for m in mail.outbox)


def test_a_mail_failure_is_logged_and_not_retried(monkeypatch, caplog):
    registration = RegistrationFactory(event=event_in(30))

    def broken(backend, messages):
        raise ConnectionError("smtp down")

    monkeypatch.setattr("django.core.mail.backends.locmem.EmailBackend.send_messages", broken)
    assert reminders_send(now=NOW) == 0
    assert "could not send the reminder email" in caplog.text
    registration.refresh_from_db()
    assert registration.reminded_at == NOW
    monkeypatch.undo()
    assert reminders_send(now=NOW + timedelta(hours=1)) == 0


def test_the_celery_task_runs_the_service(monkeypatch):
    calls = []
    monkeypatch.setattr(tasks, "reminders_send", lambda: calls.append(1) or 7)
    assert tasks.event_reminders_send.delay().get() == 7
    assert tasks.event_reminders_send.name == "tsunagu.events.tasks.event_reminders_send"
    assert calls == [1]
