"""Browser tests: Playwright for Python driving Debian's chromium against a live server."""

import os
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command

from tsunagu.core.services import sdg_framework_load

# Playwright's sync API runs an event loop in this thread; the ORM calls made by fixtures
# here are ordinary synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("TSUNAGU_CHROMIUM", "/usr/bin/chromium")
ROOT = Path(__file__).resolve().parent.parent.parent
SCREENSHOTS = ROOT / "var" / "screenshots"
ENABLE_HINT = (
    "browser tests need Debian's chromium and a Japanese font: "
    "sudo apt-get install chromium fonts-ipaexfont (make test does it as root)"
)


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        if os.environ.get("TSUNAGU_REQUIRE_BROWSER"):
            pytest.fail(f"{CHROMIUM} not found; {ENABLE_HINT}")
        pytest.skip(ENABLE_HINT)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def site(live_server, transactional_db):
    """The live server with the SDG framework and the Kanazawa demo loaded."""
    sdg_framework_load()  # the transactional flush removed what the data migration seeded
    call_command("load_demo", verbosity=0)
    return live_server


@pytest.fixture
def page(browser, site):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def screenshot():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take
