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


def test_user_registers_an_operator_and_publishes_a_tour(browser, site, screenshot):
    from tsunagu.tourism.models import Operator

    operators = Operator.objects.count()
    UserFactory(email="guide@example.org", full_name="案内 一郎")
    page = login(browser, site, "guide@example.org")
    page.goto(site.url + "/tourism/my/")
    page.get_by_test_id("register-operator").click()
    page.wait_for_url(re.compile(r".*/tourism/my/operators/new/$"))
    form = page.get_by_test_id("operator-form")
    form.get_by_test_id("save").click()
    page.wait_for_load_state()
    assert page.locator(".errorlist").count() > 0
    assert Operator.objects.count() == operators
    screenshot(page, "tourism-operator-form-errors")

    form = page.get_by_test_id("operator-form")
    form.locator("#id_name_ja").fill("卯辰山まち歩き")
    form.locator("#id_type").select_option("tour_operator")
    form.locator("#id_area").select_option(label="金沢市")
    form.locator("#id_website").fill("https://utatsu.example.org")
    form.get_by_test_id("save").click()
    page.wait_for_url(re.compile(r".*/tourism/operators/operator-\d+/tours/$"))
    operator = Operator.objects.get(name_ja="卯辰山まち歩き")
    assert operator.members.filter(email="guide@example.org").exists()

    page.get_by_test_id("add-tour").click()
    form = page.get_by_test_id("tour-product-form")
    form.locator("#id_title_ja").fill("卯辰山の朝さんぽ")
    form.locator("#id_itinerary_ja").fill("卯辰山公園 → 卯辰山麓寺院群")
    form.locator("#id_duration_minutes").fill("90")
    form.locator("#id_places").fill("卯辰山, 東山")
    partner = form.locator("label:has(input[name=partners])").first
    partner.locator("input").check()
    partner_name = partner.inner_text().strip()
    form.locator("#id_price_yen").fill("2500")
    form.locator("#id_languages").fill("ja, en")
    form.get_by_test_id("save").click()
    page.wait_for_url(re.compile(r".*/tourism/operators/operator-\d+/tours/$"))
    assert "卯辰山の朝さんぽ" in page.get_by_test_id("tour-products").inner_text()
    screenshot(page, "tourism-tour-products")

    page.get_by_test_id("public-page").click()
    page.wait_for_url(re.compile(rf".*/tourism/operators/{operator.slug}/$"))
    assert "卯辰山まち歩き" in page.get_by_test_id("operator-name").inner_text()
    tours = page.get_by_test_id("tours").inner_text()
    assert "卯辰山の朝さんぽ" in tours
    assert partner_name in tours
    screenshot(page, "tourism-operator-page")
