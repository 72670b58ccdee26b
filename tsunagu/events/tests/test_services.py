from datetime import timedelta

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from tsunagu.events.models import Audience, EventStatus, RegistrationStatus
from tsunagu.events.services import (
    registration_cancel,
    registration_check_in,
    registration_create,
)
from tsunagu.events.tests.factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    """The messages below are asserted in English (the site's default language is Japanese)."""
    from django.utils import translation

    with translation.override("en"):
        yield


def register(event, n: int, **kwargs):
    return registration_create(event=event, name=f"Person {n}", email=f"p{n}@example.org", **kwargs)


def error_code(excinfo) -> str:
    return excinfo.value.code


def test_seats_then_waiting_list():
    event = EventFactory(capacity=2)
    statuses = [register(event, n).status for n in range(4)]
    assert statuses == ["confirmed", "confirmed", "waitlisted", "waitlisted"]


def test_unlimited_capacity_confirms_everyone():
    event = EventFactory(capacity=None)
    assert {register(event, n).status for n in range(30)} == {"confirmed"}


def test_codes_are_unique_and_typeable():
    event = EventFactory()
    codes = {register(event, n).code for n in range(20)}
    assert len(codes) == 20
    assert all(len(code) == 8 and code.isalnum() and code == code.upper() for code in codes)


def test_the_same_email_registers_once_whatever_its_case():
    event = EventFactory()
    registration_create(event=event, name="Aiko", email="Aiko@Example.org")
    with pytest.raises(ValidationError, match="already registered") as excinfo:
        registration_create(event=event, name="Aiko again", email=" aiko@example.ORG ")
    assert error_code(excinfo) == "duplicate"
    assert event.registrations.count() == 1


def test_the_same_email_may_register_again_after_cancelling():
    event = EventFactory()
    first = registration_create(event=event, name="Aiko", email="aiko@example.org")
    registration_cancel(registration=first)
    again = registration_create(event=event, name="Aiko", email="aiko@example.org")
    assert again.status == RegistrationStatus.CONFIRMED


def test_the_same_email_may_register_for_another_event():
    registration_create(event=EventFactory(), name="Aiko", email="aiko@example.org")
    registration_create(event=EventFactory(), name="Aiko", email="aiko@example.org")


def test_registration_deadline_is_enforced():
    event = EventFactory(registration_deadline=timezone.now() - timedelta(minutes=1))
    with pytest.raises(ValidationError, match="closed") as excinfo:
        register(event, 1)
    assert error_code(excinfo) == "closed"


def test_without_a_deadline_registration_closes_when_the_event_starts():
    start = timezone.now() - timedelta(minutes=5)
    event = EventFactory(starts_at=start, ends_at=start + timedelta(hours=2))
    with pytest.raises(ValidationError):
        register(event, 1)


@pytest.mark.parametrize("status", [EventStatus.DRAFT, EventStatus.CANCELLED])
def test_only_published_events_take_registrations(status):
    with pytest.raises(ValidationError) as excinfo:
        register(EventFactory(status=status), 1)
    assert error_code(excinfo) == "not_open"


def test_partners_only_events_need_a_member_of_an_approved_partner(users, organisation):
    from tsunagu.partners.models import Partner, PartnerStatus

    event = EventFactory(audience=Audience.PARTNERS_ONLY)
    with pytest.raises(ValidationError) as excinfo:
        register(event, 1, user=users["plain_user"])
    assert error_code(excinfo) == "audience"
    with pytest.raises(ValidationError):
        register(event, 2)
    partner = Partner.objects.create(
        organisation=organisation,
        status=PartnerStatus.APPLIED,
        contact_name="x",
        contact_email="x@example.org",
    )
    with pytest.raises(ValidationError):  # an application is not yet a partner
        register(event, 3, user=users["partner_member"])
    partner.status = PartnerStatus.ACTIVE
    partner.save()
    assert register(event, 3, user=users["partner_member"]).user == users["partner_member"]


def test_cancelling_promotes_the_oldest_waitlisted(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1)
    with django_capture_on_commit_callbacks(execute=True):
        holder = register(event, 0)
        first_waiting = register(event, 1)
        second_waiting = register(event, 2)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        promoted = registration_cancel(registration=holder)
    assert promoted == [first_waiting]
    first_waiting.refresh_from_db()
    second_waiting.refresh_from_db()
    holder.refresh_from_db()
    assert holder.status == RegistrationStatus.CANCELLED
    assert holder.cancelled_at is not None
    assert first_waiting.status == RegistrationStatus.CONFIRMED
    assert second_waiting.status == RegistrationStatus.WAITLISTED
    assert [m.to for m in mail.outbox] == [["p1@example.org"]]
    assert first_waiting.code in mail.outbox[0].body


def test_cancelling_a_waitlisted_registration_promotes_nobody():
    event = EventFactory(capacity=1)
    register(event, 0)
    waiting = register(event, 1)
    assert registration_cancel(registration=waiting) == []
    assert event.registrations.filter(status="confirmed").count() == 1


def test_cancelling_twice_is_refused():
    registration = register(EventFactory(), 0)
    registration_cancel(registration=registration)
    with pytest.raises(ValidationError) as excinfo:
        registration_cancel(registration=registration)
    assert error_code(excinfo) == "already_cancelled"


def test_cancellation_deadline_is_enforced():
    event = EventFactory(capacity=1)
    registration = register(event, 0)
    waiting = register(event, 1)
    event.cancellation_deadline = timezone.now() - timedelta(minutes=1)
    event.save()
    with pytest.raises(ValidationError, match="deadline") as excinfo:
        registration_cancel(registration=registration)
    assert error_code(excinfo) == "cancellation_closed"
    registration.refresh_from_db()
    waiting.refresh_from_db()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert waiting.status == RegistrationStatus.WAITLISTED


def test_emails_confirm_or_announce_the_waiting_list(django_capture_on_commit_callbacks):
    event = EventFactory(capacity=1, online_url="https://meet.example.org/abc")
    with django_capture_on_commit_callbacks(execute=True):
        confirmed = register(event, 0)
        waiting = register(event, 1)
    confirmed_mail, waiting_mail = mail.outbox
    assert confirmed_mail.to == ["p0@example.org"]
    assert confirmed.code in confirmed_mail.body
    assert "https://meet.example.org/abc" in confirmed_mail.body
    assert waiting.code in waiting_mail.body
    assert "https://meet.example.org/abc" not in waiting_mail.body


def test_emails_speak_the_registrants_language(django_capture_on_commit_callbacks):
    from django.utils import translation

    event = EventFactory()
    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        registration = register(event, 0)
    assert registration.language == "en"
    assert event.title_en in mail.outbox[0].subject


def test_no_email_when_the_registration_is_refused(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(ValidationError):
        register(EventFactory(status=EventStatus.DRAFT), 0)
    assert mail.outbox == []


def test_check_in_marks_attendance_once():
    event = EventFactory()
    registration = register(event, 0)
    checked = registration_check_in(event=event, code=registration.code.lower())
    assert checked.pk == registration.pk
    assert checked.checked_in_at is not None
    with pytest.raises(ValidationError, match="already checked in") as excinfo:
        registration_check_in(event=event, code=registration.code)
    assert error_code(excinfo) == "already_checked_in"


def test_check_in_accepts_spaces_and_hyphens():
    event = EventFactory()
    code = register(event, 0).code
    registration_check_in(event=event, code=f" {code[:4]}-{code[4:]} ")


def test_check_in_with_a_code_of_another_event_is_refused():
    event, other = EventFactory(), EventFactory(title_en="Partners meeting #7")
    registration = register(other, 0)
    with pytest.raises(ValidationError, match="another event") as excinfo:
        registration_check_in(event=event, code=registration.code)
    assert error_code(excinfo) == "other_event"
    registration.refresh_from_db()
    assert registration.checked_in_at is None


@pytest.mark.parametrize("code", ["NOPE2345", "", "   "])
def test_check_in_with_an_unknown_code_is_refused(code):
    event = EventFactory()
    register(event, 0)
    with pytest.raises(ValidationError) as excinfo:
        registration_check_in(event=event, code=code)
    assert error_code(excinfo) == "unknown"


def test_check_in_refuses_cancelled_and_waitlisted_registrations():
    event = EventFactory(capacity=1)
    holder = register(event, 0)
    waiting = register(event, 1)
    later = register(event, 2)
    registration_cancel(registration=holder)  # promotes `waiting`
    with pytest.raises(ValidationError) as cancelled:
        registration_check_in(event=event, code=holder.code)
    with pytest.raises(ValidationError) as waitlisted:
        registration_check_in(event=event, code=later.code)
    assert error_code(cancelled) == "cancelled"
    assert error_code(waitlisted) == "waitlisted"
    assert registration_check_in(event=event, code=waiting.code).checked_in_at
