"""Staff build the demo's 2025 VLR and MMR in the builder: edit a narrative section, send for
review, generate (with progress), publish, and download the PDF and Word files in both
languages; the public page shows the edited text and the frozen snapshot."""

import re

import pytest

from tsunagu.accounts.roles import Role
from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.reports.models import Report

PASSWORD = "correct horse battery staple"


@pytest.fixture
def officer(site):
    return UserFactory(email="officer-e2e@example.org", roles=[Role.CITY_STAFF])


def login(browser, site, email):
    context = browser.new_context(
        viewport={"width": 1280, "height": 900}, locale="en-GB", accept_downloads=True
    )
    page = context.new_page()
    page.goto(site.url + "/en/accounts/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_load_state()
    return page


def _download(page, test_id: str) -> bytes:
    """Follow the link with the page's session (PDFs open inline, Word files download)."""
    href = page.get_by_test_id(test_id).get_attribute("href")
    response = page.request.get(
        href if href.startswith("http") else page.url.split("/en/")[0] + href
    )
    assert response.ok, (test_id, response.status)
    return response.body()


def _generate_and_publish(page, report: Report) -> int:
    page.get_by_test_id("to-review").click()
    page.wait_for_load_state()
    assert "In review" in page.get_by_test_id("status").inner_text()
    page.get_by_test_id("generate").click()
    page.wait_for_load_state()
    version = report.versions.order_by("-number").first()
    row = page.get_by_test_id(f"version-{version.number}")
    row.and_(page.locator("[data-status=done]")).wait_for(timeout=120_000)
    page.get_by_test_id(f"publish-{version.number}").click()
    page.wait_for_load_state()
    assert "Published" in page.get_by_test_id("status").inner_text()
    return version.number


def test_staff_edit_generate_publish_and_download(browser, site, officer, screenshot):
    vlr = Report.objects.get(slug="vlr-2025-demo")
    page = login(browser, site, officer.email)
    page.goto(site.url + "/en/reports/builder/")
    page.get_by_role("link", name=vlr.title_en).click()
    page.wait_for_url(re.compile(r".*/reports/builder/vlr-2025-demo/$"))
    assert page.get_by_test_id("sections").locator("li").count() == vlr.sections.count()
    screenshot(page, "reports-builder")

    page.get_by_test_id("edit-section-1").click()
    form = page.get_by_test_id("section-form")
    form.locator("#id_body_en").fill(
        "<p>Kanazawa joined the network in 2009.<script>alert('x')</script></p>"
    )
    form.locator("#id_body_ja").fill("<p>金沢市は2009年に加盟した。</p>")
    page.get_by_test_id("save-section").click()
    page.wait_for_url(re.compile(r".*/reports/builder/vlr-2025-demo/$"))

    number = _generate_and_publish(page, vlr)
    screenshot(page, "reports-builder-published")
    pdf_en = _download(page, f"v{number}-pdf-en")
    pdf_ja = _download(page, f"v{number}-pdf-ja")
    docx_en = _download(page, f"v{number}-docx-en")
    docx_ja = _download(page, f"v{number}-docx-ja")
    assert pdf_en[:5] == pdf_ja[:5] == b"%PDF-"
    assert docx_en[:2] == docx_ja[:2] == b"PK"  # Word files are zip packages

    visitor = browser.new_page(locale="en-GB")
    visitor.goto(site.url + "/en/reports/")
    visitor.get_by_role("link", name=vlr.title_en).click()
    article = visitor.get_by_test_id("report")
    assert "Kanazawa joined the network in 2009." in article.inner_text()
    assert visitor.locator("#report-toc").count() == 1
    assert article.locator("script").count() == 0
    assert article.locator("svg").count() > 0  # charts drawn on the server
    screenshot(visitor, "reports-public-en")
    visitor.goto(site.url + "/reports/vlr-2025-demo/")
    assert "金沢市は2009年に加盟した。" in visitor.get_by_test_id("report").inner_text()
    screenshot(visitor, "reports-public-ja")
    visitor.close()

    mmr = Report.objects.get(slug="mmr-2022-2025-demo")
    page.goto(site.url + "/en/reports/builder/mmr-2022-2025-demo/")
    _generate_and_publish(page, mmr)
    page.goto(site.url + "/en/reports/mmr-2022-2025-demo/")
    text = page.get_by_test_id("report").inner_text()
    assert "Major initiatives through inter-city cooperation" in text
    assert "Proposed action plan for the next four years" in text
