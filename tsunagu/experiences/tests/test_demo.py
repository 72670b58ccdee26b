import pytest
from django.utils import timezone

from tsunagu.experiences import demo
from tsunagu.experiences.models import Booking, Experience
from tsunagu.experiences.tests.factories import WorkshopFactory

pytestmark = pytest.mark.django_db


def test_demo_needs_the_gold_leaf_workshop():
    demo.load()
    assert not Experience.objects.exists()


def test_demo_is_idempotent_and_flagged():
    WorkshopFactory(slug=demo.GOLD_LEAF_WORKSHOP, is_demo=True)
    WorkshopFactory(slug="demo-kaga-yuzen-studio", is_demo=True)
    demo.load()
    demo.load()
    gold = Experience.objects.get(slug=demo.GOLD_LEAF_SLUG)
    assert gold.is_demo
    assert gold.language_codes == ["ja", "en"]
    assert "(demo)" in gold.title_en
    assert gold.slots.count() > 100
    assert not any(timezone.localtime(slot.start).weekday() == 2 for slot in gold.slots.all())
    assert {
        len(gold.slots.filter(start__date=day)) for day in gold.slots.dates("start", "day")
    } == {4}
    assert Experience.objects.filter(slug=demo.YUZEN_SLUG).exists()
    bookings = Booking.objects.filter(slot__experience=gold)
    assert bookings.count() == 3
    assert all(b.is_demo for b in bookings)
    for booking in bookings:
        assert booking.slot.seats_taken == booking.participants
