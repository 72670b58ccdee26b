"""A custom question and the QR code: register in Japanese answering the event's question,
then the reception checks the registrant in from the QR URL on a phone, in English."""

import pytest

from tsunagu.accounts.roles import Role
from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.events.models import QuestionKind, Registration
from tsunagu.events.tests.factories import EventFactory, QuestionFactory

pytestmark = pytest.mark.e2e


def test_register_with_a_question_and_check_in_from_the_qr_url(browser, site, screenshot):
    event = EventFactory(title_ja="SDGsカフェ #22 まちの緑", title_en="SDGs Café #22: City green")
    question = QuestionFactory(
        event=event,
        kind=QuestionKind.SINGLE_CHOICE,
        required=True,
        text_ja="ご所属の種類",
        text_en="Where do you come from?",
        options_ja="企業\n学校・大学\n個人",
        options_en="Company\nSchool or university\nIndividual",
    )

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
    page = context.new_page()
    page.goto(f"{site.url}/events/{event.pk}/")
    page.get_by_label("氏名").fill("金沢 花子")
    page.get_by_label("メールアドレス").fill("hanako@example.org")
    page.get_by_label("学校・大学").check()
    page.get_by_role("button", name="申し込む").click()
    page.wait_for_selector("[data-testid=registration-code]")
    code = page.get_by_test_id("registration-code").inner_text()
    qr = page.locator("[data-testid=qr-code] svg")
    assert qr.is_visible()
    assert qr.bounding_box()["width"] >= 100
    assert "学校・大学" in page.locator("table.facts").inner_text()
    registration = Registration.objects.get(code=code)
    assert registration.answers.get().value == "学校・大学"
    assert registration.answers.get().question == question
    screenshot(page, "event-registered-qr-ja")
    context.close()

    UserFactory(email="reception@example.org", roles=[Role.CITY_STAFF])
    phone = browser.new_context(viewport={"width": 375, "height": 740}, locale="en-US")
    page = phone.new_page()
    # What the phone camera opens from the QR code: the login page first, then back to it.
    page.goto(f"{site.url}/en/events/{event.pk}/check-in/?code={code}")
    page.locator("#id_username").fill("reception@example.org")
    page.locator("#id_password").fill("correct horse battery staple")
    page.locator("form.form button[type=submit]").click()
    page.wait_for_selector("[data-testid=scanned-registration]")
    assert "金沢 花子" in page.get_by_test_id("scanned-registration").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth - window.innerWidth") <= 0
    screenshot(page, "event-check-in-qr-en-phone")
    page.get_by_role("button", name="Confirm check-in of 金沢 花子").click()
    page.wait_for_selector("text=checked in")
    registration.refresh_from_db()
    assert registration.checked_in_at is not None
    counts = page.get_by_test_id("check-in-counts").inner_text()
    assert "1\nattended" in counts
    phone.close()
