"""Talent programmes in the browser: the demo trainee applies for the scholarship with a
document, city staff award it with a reason, and the trainee sees "awarded"."""

import re

import pytest

from tsunagu.accounts.roles import Role
from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.programmes.demo import SCHOLARSHIP_SLUG, TRAINEE_EMAIL
from tsunagu.programmes.models import Application, ApplicationStatus

pytestmark = pytest.mark.e2e

PASSWORD = "correct horse battery staple"
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def _log_in(page, site, email: str) -> None:
    page.goto(site.url + "/accounts/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_load_state()


def test_trainee_applies_and_staff_award(page, browser, site, screenshot):
    from tsunagu.accounts.models import User

    trainee = User.objects.get(email=TRAINEE_EMAIL)
    trainee.set_password(PASSWORD)
    trainee.save()
    UserFactory(email="programme-staff@example.org", roles=[Role.CITY_STAFF])

    _log_in(page, site, TRAINEE_EMAIL)
    page.goto(site.url + f"/crafts/programmes/{SCHOLARSHIP_SLUG}/")
    assert "伝統産業研修者奨励金" in page.locator("h1").inner_text()
    page.get_by_test_id("call-open").first.locator("a").click()
    page.get_by_test_id("apply").click()
    page.wait_for_url(re.compile(r".*/apply/$"))
    page.locator("#id_full_name").fill("デモ 研修者")
    page.locator("#id_date_of_birth").fill("1999-04-01")
    page.locator("#id_statement").fill("九谷焼の上絵付を学んでいます。")
    page.locator("textarea[name^=q_]").fill("デモ工房・デモ師匠")
    page.locator("#id_documents").set_input_files(
        files=[{"name": "portfolio.pdf", "mimeType": "application/pdf", "buffer": PDF}]
    )
    screenshot(page, "programmes-apply")
    page.get_by_test_id("submit-application").click()
    page.wait_for_url(re.compile(r".*/my-applications/$"))
    application = Application.objects.get(
        applicant=trainee, status=ApplicationStatus.SUBMITTED, call__deadline__gt="2000-01-01"
    )
    row = page.get_by_test_id(f"application-{application.pk}")
    assert row.get_by_test_id("status").get_attribute("data-status") == "submitted"
    assert "portfolio.pdf" in row.inner_text()

    staff_context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
    staff_page = staff_context.new_page()
    _log_in(staff_page, site, "programme-staff@example.org")
    staff_page.goto(site.url + "/crafts/programmes/review/")
    staff_page.get_by_test_id(f"review-{application.pk}").click()
    screenshot(staff_page, "programmes-review")
    staff_page.locator("#id_decision").select_option("awarded")
    staff_page.locator("#id_reason").fill("上絵付の技術と研修計画が優れています。")
    staff_page.get_by_test_id("decide").click()
    staff_page.wait_for_load_state()
    assert staff_page.get_by_test_id("status").inner_text() != ""
    staff_context.close()

    page.goto(site.url + "/crafts/programmes/my-applications/")
    row = page.get_by_test_id(f"application-{application.pk}")
    assert row.get_by_test_id("status").get_attribute("data-status") == "awarded"
    assert "上絵付の技術と研修計画が優れています。" in row.get_by_test_id("reason").inner_text()
    screenshot(page, "programmes-awarded")

    page.goto(site.url + "/en/crafts/programmes/my-applications/")
    row = page.get_by_test_id(f"application-{application.pk}")
    assert row.get_by_test_id("status").inner_text() == "Awarded"


def test_figures_page_draws_the_yearly_chart(page, site, screenshot):
    page.goto(site.url + "/crafts/programmes/figures/")
    page.wait_for_selector("#figures-chart canvas")
    names = page.evaluate(
        """() => echarts.getInstanceByDom(document.querySelector('#figures-chart'))
                 .getOption().series.map((s) => s.name)"""
    )
    assert len(names) == 4
    assert "デモ都市B / Demo City B" in page.get_by_test_id("figures").inner_text()
    screenshot(page, "programmes-figures")
