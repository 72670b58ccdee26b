"""Never oversold: many visitors book the same 8 seats at the same moment."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connections

from tsunagu.experiences import services
from tsunagu.experiences.models import Booking, Slot
from tsunagu.experiences.tests.factories import SlotFactory

SEATS = 8
VISITORS = 100
# Requests in flight at once are VISITORS; database connections open at once are capped, as a
# server's pool would cap them (PostgreSQL's default max_connections is 100, shared with CI).
CONNECTIONS = 60


@pytest.mark.django_db(transaction=True)
def test_parallel_bookings_never_exceed_the_seats():
    """Real threads, each with its own database connection, all released at once. Half of
    them join the waiting list when the slot is full, the others are refused."""
    slot = SlotFactory(capacity=SEATS)
    start = threading.Barrier(VISITORS)
    pool = threading.BoundedSemaphore(CONNECTIONS)
    outcomes: list[str] = []
    errors: list[BaseException] = []

    def book(n: int) -> None:
        visitor = {
            "slot": slot,
            "participants": 1,
            "language": "en",
            "name": f"Visitor {n}",
            "email": f"v{n}@example.org",
        }
        try:
            start.wait(timeout=30)
        except threading.BrokenBarrierError as error:
            errors.append(error)
            return
        with pool:  # a connection from the "pool"; close it before the next visitor gets one
            try:
                services.booking_create(**visitor)
                outcomes.append("booked")
            except ValidationError as error:
                if error.code != "full":
                    errors.append(error)
                elif n % 2:
                    services.waitlist_join(**visitor)
                    outcomes.append("waitlisted")
                else:
                    outcomes.append("refused")
            except BaseException as error:
                errors.append(error)
            finally:
                connections.close_all()

    threads = [threading.Thread(target=book, args=(n,)) for n in range(VISITORS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=180)

    assert not any(thread.is_alive() for thread in threads)
    assert errors == [], {repr(e) for e in errors}
    assert outcomes.count("booked") == SEATS
    assert outcomes.count("waitlisted") + outcomes.count("refused") == VISITORS - SEATS
    assert Slot.objects.get(pk=slot.pk).seats_taken == SEATS
    assert Booking.objects.filter(slot=slot).count() == SEATS
    assert slot.waitlist.count() == outcomes.count("waitlisted")
