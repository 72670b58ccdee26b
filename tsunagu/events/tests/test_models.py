"""Organisers, students by school level, and one registration per person."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from tsunagu.events.models import Audience, Registration, SchoolLevel
from tsunagu.events.services import registration_create
from tsunagu.events.tests.factories import EventFactory
from tsunagu.projects.tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


def test_organisers_are_partners_shown_on_the_event_page(client):
    partner = PartnerFactory()
    event = EventFactory()
    event.organisers.add(partner)
    html = client.get(f"/en/events/{event.pk}/").content.decode()
    assert "Organisers" in html
    assert str(partner) in html


def test_students_events_name_their_school_level(client):
    event = EventFactory(audience=Audience.STUDENTS, school_level=SchoolLevel.HIGH_SCHOOL)
    html = client.get(f"/en/events/{event.pk}/").content.decode()
    assert "Students (High school)" in html


def test_a_school_level_belongs_to_students_events_only():
    with pytest.raises(IntegrityError):
        EventFactory(audience=Audience.PUBLIC, school_level=SchoolLevel.UNIVERSITY)


def test_the_database_refuses_a_second_active_registration_by_email():
    event = EventFactory()
    Registration.objects.create(event=event, name="A", email="a@example.org", status="confirmed")
    Registration.objects.create(event=event, name="A", email="A@example.org", status="cancelled")
    with pytest.raises(IntegrityError):
        Registration.objects.create(
            event=event, name="A", email="A@Example.org", status="waitlisted"
        )


def test_one_registration_per_account_whatever_the_email(users):
    event = EventFactory()
    user = users["plain_user"]
    registration_create(event=event, name="Me", email="me@example.org", user=user)
    with pytest.raises(ValidationError) as excinfo:
        registration_create(event=event, name="Me", email="me.too@example.org", user=user)
    assert excinfo.value.code == "duplicate_user"
    with pytest.raises(IntegrityError):
        Registration.objects.create(
            event=event, name="Me", email="third@example.org", user=user, status="confirmed"
        )
