"""Capacity under load: many people register for the last seats at the same moment."""

import threading

import pytest
from django.core import mail
from django.db import connections

from tsunagu.events.models import RegistrationStatus
from tsunagu.events.services import registration_create
from tsunagu.events.tests.factories import EventFactory

SEATS = 10
PEOPLE = 50


@pytest.mark.django_db(transaction=True)
def test_parallel_registrations_never_exceed_capacity():
    """Real threads, each with its own database connection, all released at once.

    On PostgreSQL the event row lock serialises them; on SQLite the database serialises
    writers and the service retries those it turned away.
    """
    event = EventFactory(capacity=SEATS)
    start = threading.Barrier(PEOPLE)
    errors: list[BaseException] = []

    def register(n: int) -> None:
        try:
            start.wait(timeout=30)
            registration_create(event=event, name=f"Person {n}", email=f"p{n}@example.org")
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(n,)) for n in range(PEOPLE)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert not any(thread.is_alive() for thread in threads)
    assert errors == [], {repr(e) for e in errors}
    statuses = list(event.registrations.values_list("status", flat=True))
    assert statuses.count(RegistrationStatus.CONFIRMED) == SEATS
    assert statuses.count(RegistrationStatus.WAITLISTED) == PEOPLE - SEATS
    assert len(mail.outbox) == PEOPLE
