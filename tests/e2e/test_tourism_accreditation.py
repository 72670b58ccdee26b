"""An operator applies under the Kanazawa scheme with evidence, staff send it back once, the
operator resubmits, the panel scores it, the chair confirms, and the certificate appears in
the public register with its QR-verifiable page."""

import re

import pytest

from tsunagu.accounts.roles import Role
from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.tourism.models import Application, Certificate
from tsunagu.tourism.services.applications import operator_create

PASSWORD = "correct horse battery staple"
ITEMS = ["1.1", "1.2", "1.3", "2.1", "2.2", "2.3"]


@pytest.fixture
def people(site):
    member = UserFactory(email="inn@example.org", full_name="宿 太郎")
    operator_create(name="テスト旅館", slug="test-inn", type="accommodation", members=[member])
    return {
        "member": member,
        "staff": UserFactory(email="chair@example.org", roles=[Role.CITY_STAFF]),
        "assessor": UserFactory(
            email="assessor-e2e@example.org", full_name="審査 花子", roles=[Role.ASSESSOR]
        ),
    }


def login(browser, site, email):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
    page = context.new_page()
    page.goto(site.url + "/accounts/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_load_state()
    return page


def test_application_to_certificate_in_register(browser, site, people, screenshot):
    operator = login(browser, site, "inn@example.org")
    operator.goto(site.url + "/tourism/my/")
    operator.get_by_test_id("start").click()
    operator.wait_for_url(re.compile(r".*/tourism/applications/\d+/edit/$"))
    operator.get_by_test_id("indicator-1").check()
    operator.get_by_test_id("indicator-2").check()
    for code in ITEMS:
        operator.get_by_test_id(f"answer-{code}").select_option("met")
        operator.get_by_test_id(f"explanation-{code}").fill("取り組んでいます")
    operator.get_by_test_id("evidence").set_input_files(
        files=[{"name": "plan.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n%%EOF\n"}]
    )
    operator.get_by_test_id("submit").click()
    operator.wait_for_url(re.compile(r".*/tourism/applications/\d+/$"))
    application = Application.objects.get(operator__slug="test-inn")
    assert application.status == "submitted"
    assert application.evidence.count() == 1
    screenshot(operator, "tourism-application-submitted")

    staff = login(browser, site, "chair@example.org")
    review_url = f"{site.url}/tourism/applications/{application.pk}/"
    staff.goto(review_url)
    staff.get_by_test_id("check-comments").fill("証拠書類が読めません。再提出してください。")
    staff.get_by_test_id("send-back").click()
    staff.wait_for_load_state()
    application.refresh_from_db()
    assert application.status == "draft"

    operator.goto(f"{review_url}edit/")
    assert "再提出" in operator.get_by_test_id("staff-comment").inner_text()
    operator.get_by_test_id("submit").click()
    operator.wait_for_url(re.compile(r".*/tourism/applications/\d+/$"))

    staff.goto(review_url)
    staff.get_by_test_id("accept").click()
    staff.wait_for_load_state()
    staff.get_by_test_id("assessor").select_option(label="審査 花子")
    staff.get_by_test_id("assign").click()
    staff.wait_for_load_state()

    assessor = login(browser, site, "assessor-e2e@example.org")
    assessor.goto(review_url)
    for code in ITEMS:
        assessor.get_by_test_id(f"score-{code}").select_option("met")
    assessor.get_by_test_id("save-scores").click()
    assessor.wait_for_load_state()
    assert application.scores.count() == len(ITEMS)

    staff.goto(review_url)
    staff.get_by_test_id("confirm").click()
    staff.wait_for_load_state()
    certificate = Certificate.objects.get(application=application)
    assert staff.get_by_test_id("status").inner_text().strip() != ""
    screenshot(staff, "tourism-application-decided")

    staff.goto(site.url + "/en/tourism/register/")
    staff.get_by_role("link", name=certificate.number).click()
    staff.wait_for_url(re.compile(rf".*/certificates/{certificate.number}/$"))
    assert staff.locator("svg.qr").count() == 1
    assert "テスト旅館" in staff.get_by_test_id("operator").inner_text()
    screenshot(staff, "tourism-certificate")
    trail = [e.to_state for e in application.audit.all()]
    assert trail == ["draft", "submitted", "draft", "submitted", "panel_review", "approved"]


def test_visitor_filters_the_register(page, site, screenshot):
    page.goto(site.url + "/tourism/")
    assert "犀川" in page.get_by_test_id("tours").inner_text()
    screenshot(page, "tourism-visitor-ja")
    page.goto(site.url + "/en/tourism/register/")
    filters = page.get_by_test_id("register-filters")
    filters.locator("select[name=type]").select_option("tour_operator")
    filters.locator("button").click()
    page.wait_for_url(re.compile(r".*type=tour_operator.*"))
    assert "Saigawa Town Walks (demo)" in page.get_by_test_id("register").inner_text()
    filters = page.get_by_test_id("register-filters")
    filters.locator("select[name=indicator]").select_option("5")
    filters.locator("button").click()
    page.wait_for_url(re.compile(r".*indicator=5.*"))
    assert "Saigawa" not in page.get_by_test_id("register").inner_text()
    screenshot(page, "tourism-register-en")
