"""A citizen downloads their data and deletes their account from "Your personal data";
afterwards their observation is still public, without their name."""

import json
import re
import zipfile

import pytest

from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.nature.tests.factories import ObservationFactory, TaxonFactory

pytestmark = pytest.mark.e2e
PASSWORD = "correct horse battery staple"
NAME = "Privacy Tester Hirakawa"


def test_download_then_delete_keeps_the_observation_without_the_name(browser, site, tmp_path):
    user = UserFactory(email="leaving@example.org", full_name=NAME)
    observation = ObservationFactory(observer=user, taxon=TaxonFactory(), notes="by my house")
    observation.recorded_by = NAME
    observation.save(update_fields=["recorded_by"])
    detail = f"{site.url}/en/nature/observations/{observation.uuid}/"

    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    page = context.new_page()
    page.goto(detail)
    assert NAME in page.locator("main").inner_text()

    page.goto(f"{site.url}/en/accounts/login/")
    page.locator("#id_username").fill(user.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_load_state()
    page.get_by_test_id("my-data-link").click()
    page.wait_for_url(re.compile(r"/en/accounts/privacy/$"))

    with page.expect_download() as download_info:
        page.get_by_test_id("privacy-download").click()
    path = tmp_path / "data.zip"
    download_info.value.save_as(path)
    with zipfile.ZipFile(path) as archive:
        data = json.loads(archive.read("data.json"))
        assert any(name.startswith("files/nature.observationphoto/") for name in archive.namelist())
    text = json.dumps(data, ensure_ascii=False)
    assert observation.occurrence_id in text
    assert "by my house" in text

    form = page.get_by_test_id("privacy-delete-form")
    form.locator("#id_password").fill(PASSWORD)
    form.locator("#id_confirm").check()
    page.get_by_test_id("privacy-delete").click()
    page.wait_for_url(re.compile(r"/en/privacy/$"))
    assert "Your account has been deleted" in page.locator(".messages").inner_text()
    assert page.get_by_test_id("my-data-link").count() == 0  # logged out

    page.goto(detail)
    main = page.locator("main").inner_text()
    assert observation.taxon.scientific_name in main
    assert NAME not in main
    assert "by my house" not in main
    context.close()
