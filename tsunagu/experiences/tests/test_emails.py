"""The confirmation email carries an iCalendar file that calendars can read."""

import pytest
from django.core import mail
from icalendar import Calendar

from tsunagu.experiences import services
from tsunagu.experiences.tests.factories import SlotFactory

pytestmark = pytest.mark.django_db


def test_confirmation_email_has_an_ics_attachment(django_capture_on_commit_callbacks):
    slot = SlotFactory()
    with django_capture_on_commit_callbacks(execute=True):
        booking = services.booking_create(
            slot=slot, participants=2, language="en", name="Emma", email="emma@example.org"
        )
    message = mail.outbox[0]
    assert booking.code in message.body
    assert "7,000" in message.body or "7000" in message.body
    [(filename, content, mimetype)] = message.attachments
    assert filename == "booking.ics"
    assert mimetype == "text/calendar"
    calendar = Calendar.from_ical(content)
    [entry] = calendar.walk("VEVENT")
    assert entry.decoded("dtstart") == slot.start
    assert entry.decoded("dtend") == slot.end
    assert slot.experience.workshop.name_ja in str(entry["summary"])
    assert booking.code in str(entry["uid"])


def test_confirmation_email_speaks_the_visitors_language(django_capture_on_commit_callbacks):
    from django.utils import translation

    slot = SlotFactory()
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        services.booking_create(
            slot=slot, participants=1, language="en", name="Emma", email="emma@example.org"
        )
    assert mail.outbox[0].subject.startswith("Booking confirmed")
    assert slot.experience.title_en in mail.outbox[0].subject
