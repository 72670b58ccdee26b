"""A member of city staff turns on two-step log-in (typing the secret shown on the page into
their "authenticator", here django-otp's TOTP), logs out, and logs in with password + code."""

import re
from base64 import b32decode

import pytest
from django_otp.oath import TOTP

from tsunagu.accounts.roles import Role
from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.core.services import sdg_framework_load

pytestmark = pytest.mark.e2e
PASSWORD = "correct horse battery staple"


def authenticator_code(secret_text: str, steps_later: int = 0) -> str:
    """What an authenticator app shows for the secret typed in from the page."""
    secret = secret_text.replace(" ", "")
    totp = TOTP(b32decode(secret + "=" * (-len(secret) % 8)))
    totp.time = totp.time + 30 * steps_later
    return f"{totp.token():06d}"


def log_in(page, base: str, email: str) -> None:
    page.goto(f"{base}/en/accounts/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_load_state()


def test_staff_turns_on_two_step_log_in_and_logs_in_with_a_code(
    browser, live_server, transactional_db
):
    sdg_framework_load()
    staff = UserFactory(email="chief@example.org", roles=[Role.CITY_STAFF])
    base = live_server.url
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-US")
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)

    log_in(page, base, staff.email)
    page.get_by_test_id("two-step-link").click()
    page.wait_for_url(re.compile(r"/en/accounts/two-step/$"))
    assert "off" in page.get_by_test_id("two-step-status").inner_text()
    page.get_by_role("button", name="Set up two-step log-in").click()
    page.wait_for_load_state()
    secret = page.get_by_test_id("totp-secret").inner_text()
    assert page.locator("img[src^='data:image/svg+xml']").is_visible()  # the QR code
    page.locator("#id_token").fill(authenticator_code(secret))
    page.get_by_role("button", name="Turn on two-step log-in").click()
    page.wait_for_load_state()
    assert "Two-step log-in is on" in page.locator("main").inner_text()
    assert page.get_by_test_id("backup-codes").locator("li").count() == 10

    page.get_by_role("button", name="Log out").click()
    page.wait_for_load_state()
    log_in(page, base, staff.email)
    page.wait_for_url(re.compile(r"/en/accounts/login/code/$"))
    page.goto(f"{base}/en/nature/darwin-core/")  # a staff page: not logged in yet
    assert "/accounts/login/" in page.url

    page.goto(f"{base}/en/accounts/login/code/")
    page.locator("#id_token").fill(authenticator_code(secret, steps_later=1))
    page.get_by_role("button", name="Log in").click()
    page.wait_for_load_state()
    page.goto(f"{base}/en/nature/darwin-core/")
    assert "/accounts/login/" not in page.url
    assert page.get_by_test_id("two-step-link").is_visible()
    assert not [e for e in errors if "Content Security Policy" in e]
    context.close()
