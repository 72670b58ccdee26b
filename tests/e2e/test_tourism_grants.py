"""SDG tourism grants in the browser: an applicant applies to the demo's open call, city staff
award it and the public awards page shows the project, the organisation and the amount."""

import re

import pytest

from tsunagu.accounts.roles import Role
from tsunagu.accounts.tests.factories import OrganisationFactory, UserFactory
from tsunagu.tourism_grants.demo import OPEN_SLUG
from tsunagu.tourism_grants.models import GrantApplication

pytestmark = pytest.mark.e2e

PASSWORD = "correct horse battery staple"
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n"


def _sign_in(page, site, email: str) -> None:
    page.goto(site.url + "/accounts/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_load_state()


def test_applicant_applies_staff_award_public_page_shows_it(browser, site, screenshot, tmp_path):
    applicant = UserFactory(email="kobo@example.org", full_name="工房 太郎")
    organisation = OrganisationFactory(
        slug="kobo-test", name_ja="金箔工房テスト", name_en="Gold Leaf Studio Test"
    )
    applicant.organisations.add(organisation)
    UserFactory(email="grants-staff@example.org", roles=[Role.CITY_STAFF])
    plan = tmp_path / "plan.pdf"
    plan.write_bytes(PDF)

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
    page = context.new_page()
    _sign_in(page, site, "kobo@example.org")
    page.goto(site.url + f"/tourism/grants/{OPEN_SLUG}/")
    assert "デモ" in page.locator("h1").inner_text()
    page.get_by_test_id("apply").click()
    page.wait_for_url(re.compile(r".*/apply/$"))
    page.locator("#id_organisation").select_option(label=organisation.name_ja)
    page.locator("#id_project_title").fill("金箔づくり体験と工房の省エネ")
    page.locator("#id_description").fill("旅行者と住民がともに学ぶ金箔体験。")
    page.locator("#id_requested_yen").fill("500000")
    page.locator("input[name=goals][value='11']").check()
    page.locator("#id_budget_lines").fill("体験用材料, 200000\n省エネ照明, 300000")
    page.locator("#id_documents").set_input_files(str(plan))
    screenshot(page, "tourism-grants-apply")
    page.get_by_test_id("submit-application").click()
    page.wait_for_url(re.compile(r".*/applications/\d+/$"))
    assert page.get_by_test_id("status").inner_text() == "提出済み"
    application = GrantApplication.objects.get(project_title="金箔づくり体験と工房の省エネ")
    assert application.documents.count() == 1
    context.close()

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
    page = context.new_page()
    _sign_in(page, site, "grants-staff@example.org")
    page.goto(site.url + f"/tourism/grants/{OPEN_SLUG}/review/")
    assert page.get_by_test_id("remaining").inner_text() == "¥3,000,000"
    page.get_by_role("link", name="金箔づくり体験と工房の省エネ").click()
    page.locator("#id_amount_yen").fill("450000")
    page.get_by_test_id("award").click()
    page.wait_for_load_state()
    assert page.get_by_test_id("remaining").inner_text() == "¥2,550,000"
    screenshot(page, "tourism-grants-award")
    context.close()

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.goto(site.url + "/en/tourism/grants/awards/")
    row = page.get_by_test_id("awards").locator("tr", has_text="金箔づくり体験と工房の省エネ")
    assert "Gold Leaf Studio Test" in row.inner_text()
    assert "¥450,000" in row.inner_text()
    assert "Pending" in row.inner_text()
    screenshot(page, "tourism-grants-awards-en")
    context.close()
