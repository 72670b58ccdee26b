"""Matchmaking, introduction requests and search in a real browser, on the demo content."""

import pytest
from django.core import mail

from tsunagu.accounts.models import Organisation
from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.partners.models import IntroductionRequest

pytestmark = pytest.mark.e2e


def log_in(page, site, email):
    page.goto(site.url + "/accounts/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill("correct horse battery staple")
    page.locator("form.form button[type=submit]").click()


def test_member_sees_reasons_and_requests_an_introduction_in_english(page, site, screenshot):
    member = UserFactory(email="hotaru@example.org")
    member.organisations.add(Organisation.objects.get(slug="demo-hotaru-kai"))
    log_in(page, site, "hotaru@example.org")
    page.goto(site.url + "/en/partners/demo-hotaru-kai/")
    page.get_by_role("link", name="Partners to work with").click()
    first = page.locator("[data-testid=matches] > li").first
    first.wait_for()
    assert "Shared SDGs" in first.inner_text()
    screenshot(page, "matchmaking-en")
    name = first.locator("h2 a").inner_text()
    first.get_by_text("Request an introduction").click()
    first.get_by_label("Message to the secretariat (optional)").fill("Could we survey together?")
    first.get_by_role("button", name="Send the request").click()
    page.wait_for_selector(f"text=We asked the secretariat to introduce you to {name}.")
    request = IntroductionRequest.objects.get()
    assert request.from_partner.organisation.slug == "demo-hotaru-kai"
    assert request.message == "Could we survey together?"
    assert mail.outbox  # staff and both partners are told


def test_two_character_search_from_the_header_in_japanese(page, site, screenshot):
    page.goto(site.url + "/")
    page.get_by_role("searchbox", name="検索").fill("工芸")
    page.keyboard.press("Enter")
    results = page.locator("[data-testid=results] li")
    results.first.wait_for()
    text = page.locator("[data-testid=results]").inner_text()
    assert "金沢工芸美術大学（デモ）" in text
    screenshot(page, "search-ja")
