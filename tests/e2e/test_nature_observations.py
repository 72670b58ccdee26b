"""The issue's whole path in a real browser, in English and Japanese: a citizen signs up,
submits a photo observation of a firefly; two others identify it through the autocomplete;
it reaches research grade, is on the map and in the Darwin Core export."""

import csv
import io
import re
import zipfile

import pytest

from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.nature.dwca.writer import dwca_export_write
from tsunagu.nature.models import Observation, QualityGrade
from tsunagu.nature.tests.factories import image_bytes

pytestmark = pytest.mark.e2e
PASSWORD = "correct horse battery staple"


def log_in(browser, site, email: str, language: str = "en"):
    locale = "ja-JP" if language == "ja" else "en-US"
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale=locale)
    page = context.new_page()
    prefix = "" if language == "ja" else "/en"
    page.goto(f"{site.url}{prefix}/accounts/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_load_state()
    return context, page


def choose_taxon(page, box: str, text: str, option: str) -> None:
    page.get_by_test_id(f"{box}-taxon-search").press_sequentially(text, delay=30)
    page.locator(f"#{box}-taxon-options [role=option]", has_text=option).first.click()
    assert page.locator(f"#{box}-taxon-id").input_value()


def sign_up(browser, site, email: str, name: str):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    page = context.new_page()
    page.goto(f"{site.url}/en/accounts/signup/?next=/en/nature/observations/new/")
    page.locator("#id_email").fill(email)
    page.locator("#id_full_name").fill(name)
    page.locator("#id_password1").fill(PASSWORD)
    page.locator("#id_password2").fill(PASSWORD)
    page.locator("#id_consent").check()
    page.get_by_test_id("signup-form").locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/en/nature/observations/new/$"))
    return context, page


def test_firefly_observation_reaches_research_grade(browser, site, tmp_path, screenshot):
    UserFactory(email="second@example.org", full_name="Second Identifier")
    UserFactory(email="third@example.org", full_name="Third Identifier")
    photo = tmp_path / "genji.jpg"
    photo.write_bytes(image_bytes(size=(320, 240), colour=(20, 30, 45)))

    context, page = sign_up(browser, site, "hotaru@example.org", "Kikugawa Hotaru")
    page.locator("#id_photos").set_input_files(str(photo))
    page.locator("#id_observed_at").fill("2025-06-12T20:40")
    # The map answers a click with the coordinates of the point clicked.
    page.wait_for_selector("#observation-form-map canvas")
    page.get_by_test_id("observation-form-map").click(position={"x": 300, "y": 150})
    latitude = float(page.locator("#id_latitude").input_value())
    longitude = float(page.locator("#id_longitude").input_value())
    assert 36.3 < latitude < 36.8
    assert 136.4 < longitude < 136.9
    page.locator("#id_uncertainty_m").fill("15")
    choose_taxon(page, "observation", "Genji", "Luciola cruciata")
    page.locator("#id_count").fill("7")
    # (A full-page screenshot here would leave the page's layout stale for the click.)
    page.get_by_test_id("observation-submit").click()
    page.wait_for_url(re.compile(r"/en/nature/observations/[0-9a-f-]{36}/$"))
    uuid = page.url.rstrip("/").rsplit("/", 1)[1]
    assert page.get_by_test_id("quality-grade").inner_text() == "Needs ID"
    assert page.get_by_test_id("observation-photo").count() == 1
    screenshot(page, "nature-observation-submitted-en")
    context.close()

    observation = Observation.objects.get(uuid=uuid)
    assert (observation.latitude, observation.longitude) == (latitude, longitude)
    assert observation.taxon.scientific_name == "Luciola cruciata"

    # The second identifier types the Japanese name in hiragana, the third the scientific one.
    for email, language, typed in (
        ("second@example.org", "ja", "げんじ"),
        ("third@example.org", "en", "Luciola cru"),
    ):
        context, page = log_in(browser, site, email, language)
        prefix = "" if language == "ja" else "/en"
        page.goto(f"{site.url}{prefix}/nature/observations/{uuid}/")
        choose_taxon(page, "identification", typed, "Luciola cruciata")
        page.get_by_test_id("identification-submit").click()
        page.wait_for_selector("[data-testid=identifications]")
        if language == "en":
            assert page.get_by_test_id("quality-grade").inner_text() == "Research grade"
            assert "Luciola cruciata" in page.get_by_test_id("community-taxon").inner_text()
            screenshot(page, "nature-observation-research-grade-en")
        context.close()

    observation.refresh_from_db()
    assert observation.quality_grade == QualityGrade.RESEARCH
    assert observation.identifications.filter(is_current=True).count() == 3

    # On the public map (a small box around its point, close in) and in the Darwin Core export.
    lat, lon = observation.public_latitude, observation.public_longitude
    visitor = browser.new_context()
    response = visitor.request.get(
        f"{site.url}/api/v1/nature/map/clusters?zoom=18&grade=research"
        f"&bbox={lon - 0.001},{lat - 0.001},{lon + 0.001},{lat + 0.001}"
    )
    assert response.ok
    uuids = [feature["properties"].get("uuid") for feature in response.json()["features"]]
    assert uuid in uuids
    visitor.close()
    archive = io.BytesIO()
    dwca_export_write(archive)
    with zipfile.ZipFile(archive) as opened:
        rows = list(csv.DictReader(io.TextIOWrapper(opened.open("occurrence.txt"), "utf-8")))
    ours = [row for row in rows if row["occurrenceID"] == observation.occurrence_id]
    assert len(ours) == 1
    assert ours[0]["scientificName"].startswith("Luciola cruciata")
    # Archives go to aggregators that a later deletion cannot reach: the observer is credited
    # by a stable member number, never by name.
    assert str(observation.observer_id) in ours[0]["recordedBy"]
    assert "Kikugawa" not in ours[0]["recordedBy"]
