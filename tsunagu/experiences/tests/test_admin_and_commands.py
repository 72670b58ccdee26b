"""Admin pages open for administrators; the commands generate slots and expire offers."""

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from tsunagu.experiences import services
from tsunagu.experiences.models import Schedule, WaitlistStatus
from tsunagu.experiences.tests.factories import ExperienceFactory, SlotFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "model", ["experience", "slot", "booking", "waitlistentry", "review", "workshopclosure"]
)
def test_admin_changelists(client_as, model):
    SlotFactory()
    assert client_as("administrator").get(f"/admin/experiences/{model}/").status_code == 200
    assert client_as("plain_user").get(f"/admin/experiences/{model}/").status_code == 302


def test_generate_slots_command_is_idempotent():
    schedule = Schedule.objects.create(
        experience=ExperienceFactory(),
        start_times="10:00",
        closed_weekdays="",
        closed_on_public_holidays=False,
        capacity=4,
        valid_from=date(2020, 1, 1),
    )
    call_command("experiences_generate_slots", "--days", "6")
    call_command("experiences_generate_slots", "--days", "6")
    assert schedule.experience.slots.count() == 7


def test_expire_offers_command():
    slot = SlotFactory(capacity=1)
    booking = services.booking_create(
        slot=slot, participants=1, language="en", name="A", email="a@example.org"
    )
    entry = services.waitlist_join(
        slot=slot, participants=1, language="en", name="B", email="b@example.org"
    )
    services.booking_cancel(booking=booking)
    entry.refresh_from_db()
    entry.offer_expires_at = timezone.now() - timedelta(minutes=1)
    entry.save()
    call_command("experiences_expire_offers")
    entry.refresh_from_db()
    assert entry.status == WaitlistStatus.EXPIRED
