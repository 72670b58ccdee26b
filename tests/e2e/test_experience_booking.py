"""Craft experiences in the browser: an English visitor finds the demo gold-leaf experience,
books a session for two, cancels within the policy and the freed seats are offered to the
waiting list; the workshop's manager checks a visitor in on the dashboard."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.crafts.models import Workshop
from tsunagu.experiences import demo, services
from tsunagu.experiences.models import Booking, BookingStatus, Experience, WaitlistStatus

pytestmark = pytest.mark.e2e

PASSWORD = "correct horse battery staple"


@pytest.fixture
def gold_leaf(site):
    """The demo experience (the crafts demo makes its workshop; made here if it did not)."""
    if not Workshop.objects.filter(slug=demo.GOLD_LEAF_WORKSHOP).exists():
        Workshop.objects.create(
            slug=demo.GOLD_LEAF_WORKSHOP, name_en="Gold leaf studio (demo)", is_demo=True
        )
        demo.load()
    return Experience.objects.get(slug=demo.GOLD_LEAF_SLUG)


def _slot_with_six_taken(experience):
    """A session two or more days ahead (well within the 24-hour policy), six seats taken."""
    slot = (
        experience.slots.filter(
            start__gte=timezone.now() + timedelta(days=2), seats_taken=0, capacity=8
        )
        .order_by("start")
        .first()
    )
    for name in ("Aiko", "Ben", "Chika"):
        services.booking_create(
            slot=slot, participants=2, language="ja", name=name, email=f"{name}@example.org"
        )
    return slot


def test_visitor_books_cancels_and_the_waiting_list_gets_the_seats(
    page, site, gold_leaf, screenshot
):
    slot = _slot_with_six_taken(gold_leaf)

    page.goto(site.url + "/en/crafts/experiences/")
    page.locator("#id_language").select_option("en")
    page.get_by_role("button", name="Find").click()
    page.get_by_role("link", name=re.compile("Gold leaf application")).click()
    page.wait_for_url(re.compile(rf".*/en/crafts/experiences/{gold_leaf.slug}/$"))
    assert "Pay at the workshop" in page.content()

    form = page.get_by_test_id("booking-form")
    form.locator("#id_slot").select_option(str(slot.pk))
    form.locator("#id_participants").fill("2")
    form.locator("#id_language").select_option("en")
    form.locator("#id_name").fill("Emma Wilson")
    form.locator("#id_email").fill("emma@example.org")
    form.locator("#id_age_rules").check()  # the demo takes children from 6, under 12 with an adult
    page.get_by_test_id("book").click()
    page.wait_for_url(re.compile(r".*/en/crafts/experiences/bookings/[A-Z0-9]+/$"))
    code = page.get_by_test_id("booking-code").inner_text()
    booking = Booking.objects.get(code=code)
    assert booking.participants == 2
    assert booking.language == "en"
    assert page.get_by_test_id("amount-due").inner_text() == "¥7,000"
    assert page.get_by_test_id("qr-code").locator("svg").count() == 1
    calendar_url = page.get_by_test_id("calendar-link").get_attribute("href")
    calendar = page.request.get(site.url + calendar_url)
    assert calendar.headers["content-type"].startswith("text/calendar")
    assert code in calendar.text()
    screenshot(page, "experience-booking-confirmed")

    waiting = services.waitlist_join(
        slot=slot, participants=2, language="en", name="Dan", email="dan@example.org"
    )
    assert waiting.status == WaitlistStatus.WAITING
    mail.outbox.clear()

    page.get_by_test_id("cancel-link").click()
    assert "nothing will be owed" in page.get_by_test_id("policy-outcome").inner_text()
    page.locator("#id_email").fill("emma@example.org")
    page.get_by_test_id("confirm-cancel").click()
    page.wait_for_url(re.compile(rf".*/bookings/{code}/$"))
    assert "nothing is owed" in page.get_by_test_id("booking-status").inner_text()
    assert Booking.objects.get(code=code).status == BookingStatus.CANCELLED
    waiting.refresh_from_db()
    assert waiting.status == WaitlistStatus.OFFERED
    offers = [m for m in mail.outbox if m.to == ["dan@example.org"]]
    assert len(offers) == 1
    assert f"/offers/{waiting.token}/" in offers[0].body


def test_manager_checks_a_visitor_in(page, site, gold_leaf, screenshot):
    manager = UserFactory(email="artisan@example.org", full_name="箔 職人")
    gold_leaf.workshop.managers.add(manager)
    start = timezone.now() + timedelta(hours=1)
    slot = services.slot_create(
        experience=gold_leaf, start=start.replace(microsecond=0), capacity=6
    )
    booking = services.booking_create(
        slot=slot, participants=2, language="en", name="Lucas", email="lucas@example.org"
    )

    page.goto(site.url + "/accounts/login/")
    page.locator("#id_username").fill("artisan@example.org")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_load_state()
    day = timezone.localtime(slot.start).date().isoformat()
    page.goto(f"{site.url}/en/crafts/experiences/dashboard/?date={day}")
    row = page.get_by_test_id(f"booking-{booking.code}")
    assert "Lucas" in row.inner_text()
    page.get_by_test_id("check-in-form").locator("#id_code").fill(booking.code)
    page.get_by_test_id("check-in").click()
    page.wait_for_load_state()
    assert page.get_by_test_id(f"booking-{booking.code}").get_by_test_id("checked-in").count() == 1
    assert Booking.objects.get(pk=booking.pk).checked_in_at is not None
    screenshot(page, "experience-dashboard")
