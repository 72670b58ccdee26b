"""Registering for an event and checking in at the door, in a real browser and both languages."""

import pytest

from tsunagu.accounts.roles import Role
from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.events.models import Registration
from tsunagu.events.tests.factories import EventFactory

pytestmark = pytest.mark.e2e


def test_register_in_japanese_and_check_in_on_a_phone_in_english(browser, site, screenshot):
    event = EventFactory(
        title_ja="SDGsカフェ #20 用水とホタル", title_en="SDGs Café #20", capacity=1
    )
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
    page = context.new_page()
    page.goto(f"{site.url}/events/{event.pk}/")
    assert "用水とホタル" in page.locator("h1").inner_text()
    page.get_by_label("氏名").fill("金沢 花子")
    page.get_by_label("メールアドレス").fill("hanako@example.org")
    page.get_by_role("button", name="申し込む").click()
    page.wait_for_selector("[data-testid=registration-code]")
    code = page.get_by_test_id("registration-code").inner_text()
    registration = Registration.objects.get(code=code)
    assert registration.status == "confirmed"
    screenshot(page, "event-registered-ja")

    # the only seat is taken: the next person joins the waiting list
    page.goto(f"{site.url}/en/events/{event.pk}/")
    page.get_by_label("Name").fill("Kaga Taro")
    page.get_by_label("Email address").fill("taro@example.org")
    page.get_by_role("button", name="Register").click()
    page.wait_for_selector("text=You are on the waiting list")
    context.close()

    UserFactory(email="desk@example.org", roles=[Role.CITY_STAFF])
    phone = browser.new_context(viewport={"width": 375, "height": 740}, locale="en-US")
    page = phone.new_page()
    page.goto(f"{site.url}/en/accounts/login/")
    page.locator("#id_username").fill("desk@example.org")
    page.locator("#id_password").fill("correct horse battery staple")
    page.locator("form.form button[type=submit]").click()
    page.goto(f"{site.url}/en/events/{event.pk}/check-in/")
    page.get_by_label("Confirmation code").fill(code.lower())
    page.get_by_role("button", name="Check in").click()
    page.wait_for_selector("text=checked in")
    registration.refresh_from_db()
    assert registration.checked_in_at is not None
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    screenshot(page, "event-check-in-en-phone")
    phone.close()
