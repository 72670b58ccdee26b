"""A partner member registers a project in Japanese and reports its progress in English."""

import re

import pytest

from tests.e2e.test_site_shell import run_axe
from tsunagu.accounts.tests.factories import OrganisationFactory, UserFactory
from tsunagu.partners.models import Partner, PartnerStatus
from tsunagu.projects.models import Project

pytestmark = pytest.mark.e2e

PASSWORD = "correct horse battery staple"


def test_member_registers_in_japanese_and_reports_in_english(page, site, screenshot):
    organisation = OrganisationFactory(
        slug="kuratsuki-firefly", name_ja="鞍月ホタルの会", name_en="Kuratsuki Firefly Club"
    )
    partner = Partner.objects.create(
        organisation=organisation,
        status=PartnerStatus.ACTIVE,
        contact_name="金沢 花子",
        contact_email="hotaru@example.org",
    )
    member = UserFactory(email="hotaru@example.org")
    member.organisations.add(organisation)

    page.goto(site.url + "/accounts/login/")
    page.locator("#id_username").fill("hotaru@example.org")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_load_state()

    page.goto(site.url + "/projects/new/")
    assert page.locator("html").get_attribute("lang") == "ja"
    page.locator("#id_title_ja").fill("鞍月用水ホタル観察会")
    page.locator("#id_title_en").fill("Kuratsuki canal firefly walks")
    page.locator("#id_description_ja").fill("毎年6月に用水沿いでホタルを数えます。")
    page.locator("#id_lead_partner").select_option(str(partner.pk))
    page.locator("input[name=goals][value='6']").check()
    page.locator("input[name=goals][value='15']").check()
    page.locator("#id_starts_on").fill("2026-04-01")
    page.locator("#id_status").select_option("active")
    page.locator("main form.form button[type=submit]").click()
    page.wait_for_url(re.compile(r".*/projects/kuratsuki-canal-firefly-walks/$"))
    assert page.locator("h1").inner_text() == "鞍月用水ホタル観察会"
    project = Project.objects.get(slug="kuratsuki-canal-firefly-walks")
    assert project.lead_partner == partner
    assert project.title_en == "Kuratsuki canal firefly walks"

    page.goto(f"{site.url}/projects/{project.slug}/deliverables/")
    page.locator("#id_deliverables-0-title").fill("ホタル観察会の開催")
    page.locator("#id_deliverables-0-due_on").fill("2026-06-20")
    page.locator("main form.form button[type=submit]").click()
    page.wait_for_url(re.compile(rf".*/projects/{project.slug}/$"))

    page.get_by_test_id("language-en").click()
    page.wait_for_url(re.compile(rf".*/en/projects/{project.slug}/$"))
    assert page.locator("h1").inner_text() == "Kuratsuki canal firefly walks"
    page.get_by_role("link", name="Submit a progress report").click()
    page.wait_for_url(re.compile(r".*/en/projects/.+/reports/new/$"))
    page.locator("#id_summary").fill("We counted fireflies on four evenings.")
    page.get_by_label("ホタル観察会の開催").check()
    page.get_by_label("Figure 1", exact=True).fill("fireflies counted")
    page.get_by_label("Number 1", exact=True).fill("64")
    page.get_by_label("Figure 2", exact=True).fill("participants")
    page.get_by_label("Number 2", exact=True).fill("38")
    page.get_by_role("button", name="Submit report").click()
    page.wait_for_url(re.compile(rf".*/en/projects/{project.slug}/$"))

    light = page.get_by_test_id("traffic-light")
    assert light.get_attribute("data-light") == "green"
    assert light.inner_text() == "Reporting up to date"
    assert "We counted fireflies on four evenings." in page.locator("main").inner_text()
    assert "fireflies counted" in page.locator("main").inner_text()
    report = project.progress_reports.get()
    assert report.figures == {"fireflies counted": 64, "participants": 38}
    assert project.deliverables.get().is_done
    screenshot(page, "project-report-en")

    page.goto(site.url + "/en/projects/")
    assert page.locator("[data-testid=traffic-light]").count() > 10  # demo projects and ours
    violations = [v for v in run_axe(page) if v["impact"] in ("serious", "critical")]
    assert violations == [], violations
    screenshot(page, "project-list-en")
