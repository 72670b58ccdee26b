"""Pages from the outside: the list and its filters in both languages, booking through the
form, the confirmation page, cancelling by code and email, the dashboard's permissions."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from tsunagu.experiences import services
from tsunagu.experiences.models import Booking, BookingStatus, Slot
from tsunagu.experiences.tests.factories import ExperienceFactory, SlotFactory, WorkshopFactory

pytestmark = pytest.mark.django_db

LIST = "/crafts/experiences/"
DASHBOARD = "/crafts/experiences/dashboard/"


def _book(slot, email="emma@example.org", participants=2, user=None):
    return services.booking_create(
        slot=slot, participants=participants, language="en", name="Emma", email=email, user=user
    )


def test_list_in_both_languages_with_filters(client):
    slot = SlotFactory(experience=ExperienceFactory(title_en="Gold leaf tray", languages="en"))
    ExperienceFactory(title_en="Hidden", is_published=False)
    ExperienceFactory(title_en="Japanese only", languages="ja", price_per_person=9000)
    page = client.get("/en" + LIST).content.decode()
    assert "Gold leaf tray" in page
    assert "Hidden" not in page
    assert 'lang="ja"' in client.get(LIST).content.decode()
    english = client.get("/en" + LIST, {"language": "en"}).content.decode()
    assert "Gold leaf tray" in english
    assert "Japanese only" not in english
    cheap = client.get("/en" + LIST, {"max_price": "5000"}).content.decode()
    assert "Japanese only" not in cheap
    day = timezone.localtime(slot.start).date()
    on_day = client.get("/en" + LIST, {"date": day.isoformat()}).content.decode()
    assert "Gold leaf tray" in on_day
    other_day = (day + timedelta(days=1)).isoformat()
    assert "Gold leaf tray" not in client.get("/en" + LIST, {"date": other_day}).content.decode()


def test_booking_through_the_page(client, django_capture_on_commit_callbacks):
    slot = SlotFactory()
    url = f"/en/crafts/experiences/{slot.experience.slug}/"
    assert client.get(url).status_code == 200
    form = {
        "slot": slot.pk,
        "participants": 2,
        "language": "en",
        "name": "Emma",
        "email": "emma@example.org",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, form)
    booking = Booking.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"/bookings/{booking.code}/")
    page = client.get(response["Location"]).content.decode()
    assert booking.code in page
    assert "7,000" in page
    assert "<svg" in page
    ics = client.get(f"/en/crafts/experiences/bookings/{booking.code}/booking.ics")
    assert ics["Content-Type"].startswith("text/calendar")
    assert len(mail.outbox) == 1


def test_age_rules_must_be_confirmed_when_the_experience_has_them(client):
    slot = SlotFactory(experience=ExperienceFactory(minimum_age=6, adult_required_under=12))
    url = f"/en/crafts/experiences/{slot.experience.slug}/"
    form = {"slot": slot.pk, "participants": 1, "language": "en", "name": "E", "email": "e@x.org"}
    assert client.post(url, form).status_code == 200
    assert not Booking.objects.exists()
    assert client.post(url, {**form, "age_rules": "on"}).status_code == 302


def test_full_slot_form_joins_the_waiting_list_when_asked(client):
    slot = SlotFactory(capacity=2)
    _book(slot)
    url = f"/en/crafts/experiences/{slot.experience.slug}/"
    form = {"slot": slot.pk, "participants": 1, "language": "en", "name": "Dan"}
    response = client.post(url, {**form, "email": "dan@example.org"})
    assert response.status_code == 200
    assert "Not enough free seats" in response.content.decode()
    response = client.post(url, {**form, "email": "dan@example.org", "waitlist": "on"})
    assert response.status_code == 302
    assert slot.waitlist.get().email == "dan@example.org"


def test_cancel_needs_the_email_of_the_booking_or_its_account(client, users):
    slot = SlotFactory(start=timezone.now() + timedelta(days=3))
    booking = _book(slot)
    url = f"/en/crafts/experiences/bookings/{booking.code}/cancel/"
    page = client.get(url).content.decode()
    assert "nothing will be owed" in page
    client.post(url, {"email": "someone@example.org"})
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.CONFIRMED
    client.post(url, {"email": "EMMA@example.org"})
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.CANCELLED

    owned = _book(slot, email="other@example.org", user=users["plain_user"])
    client.force_login(users["plain_user"])
    client.post(f"/en/crafts/experiences/bookings/{owned.code}/cancel/")
    assert Booking.objects.get(pk=owned.pk).status == BookingStatus.CANCELLED


def test_late_cancellation_shows_what_may_be_charged(client):
    booking = _book(SlotFactory(start=timezone.now() + timedelta(hours=3)))
    page = client.get(f"/en/crafts/experiences/bookings/{booking.code}/cancel/").content.decode()
    assert "the workshop may charge ¥7,000" in page


@pytest.mark.parametrize(
    ("role", "status"),
    [("plain_user", 403), ("partner_member", 403), ("city_staff", 200), ("administrator", 200)],
)
def test_dashboard_permissions(client_as, role, status):
    assert client_as(role).get(DASHBOARD).status_code == status


def test_dashboard_anonymous_is_sent_to_login(client_as):
    response = client_as(None).get(DASHBOARD)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_manager_checks_in_only_at_their_workshop(client, users):
    manager = users["plain_user"]
    workshop = WorkshopFactory()
    workshop.managers.add(manager)
    today = timezone.localtime().replace(hour=23, minute=0, second=0, microsecond=0)
    mine = _book(SlotFactory(experience=ExperienceFactory(workshop=workshop), start=today))
    other = _book(SlotFactory(start=today))
    client.force_login(manager)
    page = client.get(DASHBOARD).content.decode()
    assert mine.code in page
    assert other.code not in page
    client.post(DASHBOARD, {"action": "check_in", "code": other.code})
    assert Booking.objects.get(pk=other.pk).checked_in_at is None
    client.post(DASHBOARD, {"action": "check_in", "code": mine.code})
    assert Booking.objects.get(pk=mine.pk).checked_in_at is not None


def test_manager_closes_a_slot_and_visitors_are_emailed(
    client, users, django_capture_on_commit_callbacks
):
    manager = users["plain_user"]
    workshop = WorkshopFactory()
    workshop.managers.add(manager)
    slot = SlotFactory(experience=ExperienceFactory(workshop=workshop))
    booking = _book(slot)
    foreign = SlotFactory()
    client.force_login(manager)
    assert client.post(DASHBOARD, {"action": "close", "slot": foreign.pk}).status_code == 403
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(DASHBOARD, {"action": "close", "slot": slot.pk, "reason": "Kiln repair"})
    assert Slot.objects.get(pk=slot.pk).status == "closed"
    assert Booking.objects.get(pk=booking.pk).status == BookingStatus.CANCELLED_BY_WORKSHOP
    assert [m.to for m in mail.outbox] == [["emma@example.org"]]


def test_review_form_only_after_attendance(client):
    booking = _book(SlotFactory())
    url = f"/en/crafts/experiences/bookings/{booking.code}/review/"
    assert client.get(url).status_code == 403
    services.booking_check_in(code=booking.code, workshop_ids=None)
    assert client.post(url, {"rating": 5, "text": "Great"}).status_code == 302
    assert booking.review.status == "pending"


def test_offer_page_accepts_the_held_seats(client):
    slot = SlotFactory(capacity=2)
    booking = _book(slot)
    entry = services.waitlist_join(
        slot=slot, participants=1, language="en", name="Dan", email="dan@example.org"
    )
    services.booking_cancel(booking=booking)
    url = f"/en/crafts/experiences/offers/{entry.token}/"
    assert "Accept and book" in client.get(url).content.decode()
    response = client.post(url)
    assert response.status_code == 302
    assert Booking.objects.get(email="dan@example.org").status == BookingStatus.CONFIRMED


def test_workshop_experiences_partial_lists_published_ones():
    from django.template.loader import render_to_string

    workshop = WorkshopFactory()
    ExperienceFactory(workshop=workshop, title_ja="見える体験")
    ExperienceFactory(workshop=workshop, title_ja="下書き", is_published=False)
    html = render_to_string("experiences/_workshop_experiences.html", {"workshop": workshop})
    assert "見える体験" in html
    assert "下書き" not in html
