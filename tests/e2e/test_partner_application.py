"""The partner application in a real browser, in both languages, and its approval by staff."""

import re

import pytest

from tsunagu.accounts.roles import Role
from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.partners.models import Partner, PartnerStatus

pytestmark = pytest.mark.e2e


def test_apply_in_english_then_staff_approves_in_japanese(page, site, screenshot):
    page.goto(site.url + "/en/partners/apply/")
    assert page.locator("h1").inner_text() == "Apply to become a partner"
    page.get_by_label("Name (Japanese)").fill("犀川クラフト工房")
    page.get_by_label("Name (English)").fill("Saigawa Craft Studio")
    page.get_by_label("Type").select_option("company")
    page.get_by_label("Contact person").fill("Kaga Taro")
    page.get_by_label("Contact email").fill("taro@example.org")
    page.get_by_label("Clean water and sanitation").check()
    screenshot(page, "partner-apply-en")
    page.get_by_role("button", name="Send application").click()
    # consent is required: the form comes back with errors and nothing is stored
    assert page.locator(".errorlist").count() >= 2
    assert not Partner.objects.filter(organisation__name_ja="犀川クラフト工房").exists()
    page.get_by_label("I accept the partner terms").check()
    page.get_by_label("I agree that my contact details").check()
    page.get_by_role("button", name="Send application").click()
    page.wait_for_selector("text=Application received")
    partner = Partner.objects.get(organisation__name_ja="犀川クラフト工房")
    assert partner.status == PartnerStatus.APPLIED

    UserFactory(email="officer@example.org", roles=[Role.CITY_STAFF])
    page.goto(site.url + "/accounts/login/")
    page.locator("#id_username").fill("officer@example.org")
    page.locator("#id_password").fill("correct horse battery staple")
    page.locator("form.form button[type=submit]").click()
    page.goto(site.url + "/partners/review/")
    assert page.locator("html").get_attribute("lang") == "ja"
    page.get_by_role("link", name="犀川クラフト工房").click()
    page.wait_for_url(re.compile(r".*/partners/.+/review/"))
    screenshot(page, "partner-review-ja")
    page.locator("#id_decision").select_option("approve")
    page.get_by_role("button", name="決定").click()
    page.wait_for_url(re.compile(r".*/partners/review/"))
    partner.refresh_from_db()
    assert partner.status == PartnerStatus.APPROVED
