"""The crafts catalogue in the browser: an English visitor finds Kanazawa gold leaf, opens a
workshop practising it, sees the map and writes to the workshop through the platform."""

import re

import pytest
from django.core import mail

from tsunagu.crafts.models import ContactMessage

pytestmark = pytest.mark.e2e

WORKSHOP = "/en/crafts/workshops/demo-gold-leaf-studio/"


def test_visitor_finds_gold_leaf_and_contacts_a_workshop(page, site, screenshot):
    page.goto(site.url + "/en/crafts/")
    assert page.locator("html").get_attribute("lang") == "en"
    page.get_by_test_id("crafts").get_by_role("link", name="Kanazawa gold leaf").click()
    page.wait_for_url(re.compile(r".*/en/crafts/kanazawa-gold-leaf/$"))
    assert "Kanazawa gold leaf" in page.locator("h1").inner_text()
    assert "99%" in page.locator("main").inner_text()
    screenshot(page, "crafts-gold-leaf-en")

    page.get_by_test_id("craft-workshops").get_by_role("link", name=re.compile("Higashi")).click()
    page.wait_for_url(re.compile(rf".*{WORKSHOP}$"))
    assert "(demo)" in page.locator("h1").inner_text()
    page.wait_for_selector("#workshop-map canvas")
    assert page.locator("#workshop-map canvas").count() == 1
    assert "demo-workshop-" not in page.content()

    form = page.get_by_test_id("contact-form")
    form.locator("#id_name").fill("Emma Wilson")
    form.locator("#id_email").fill("emma@example.org")
    form.locator("#id_message").fill("Could we visit on Saturday afternoon with two children?")
    page.get_by_test_id("contact-send").click()
    page.wait_for_url(re.compile(rf".*{WORKSHOP}#contact$"))
    assert "Your message was sent" in page.locator(".messages").inner_text()
    screenshot(page, "crafts-workshop-contact-en")

    contact = ContactMessage.objects.get()
    assert contact.workshop.slug == "demo-gold-leaf-studio"
    assert contact.email == "emma@example.org"
    sent = [m for m in mail.outbox if m.reply_to == ["emma@example.org"]]
    assert sent
    assert "demo-workshop-demo-gold-leaf-studio@example.org" in sent[0].to
