"""The Content-Security-Policy in a real browser: pages with charts (ECharts), maps (MapLibre
and its blob: worker), htmx swaps, the admin and the API docs work without one violation."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType

from tsunagu.accounts.roles import Role
from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.core.models import Area
from tsunagu.events.models import Event
from tsunagu.nature.demo.campaigns import FIREFLY_SLUG
from tsunagu.suggestions.models import SdgSuggestion, SuggestionStatus
from tsunagu.tourism_stats.importer import FigureRow
from tsunagu.tourism_stats.models import Measure
from tsunagu.tourism_stats.services import monthly_figures_write

pytestmark = pytest.mark.e2e

PASSWORD = "correct horse battery staple"

# Runs before the page's own scripts (and outside the policy): keeps every violation report.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(
    `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} ` +
    `(${event.sourceFile || document.location.pathname}:${event.lineNumber})`
  );
});
"""


@pytest.fixture
def watched(browser, site):
    """A page whose CSP violations, CSP console errors and uncaught errors are collected."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="ja-JP")
    context.add_init_script(script=RECORD_VIOLATIONS)
    page = context.new_page()
    problems: list[str] = []
    page.on(
        "console",
        lambda message: (
            problems.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(f"uncaught: {error}"))

    def check() -> None:
        for frame in page.frames:
            problems.extend(frame.evaluate("() => window.__cspViolations || []"))
        assert problems == [], "\n".join(problems)

    page.assert_no_violations = check
    yield page
    context.close()


def _log_in(page, site, email: str) -> None:
    page.goto(site.url + "/accounts/login/")
    page.locator("#id_username").fill(email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form.form button[type=submit]").click()
    page.wait_for_load_state()


def test_public_pages_with_charts_and_maps_keep_to_the_policy(watched, site):
    page = watched
    page.goto(site.url + "/")
    page.goto(site.url + "/en/indicators/")

    page.goto(f"{site.url}/nature/campaigns/{FIREFLY_SLUG}/")  # ECharts and a raster base map
    page.wait_for_selector("#season-chart canvas")
    page.wait_for_selector("#night-chart canvas")

    page.goto(site.url + "/en/events/statistics/")
    page.wait_for_selector("#events-chart svg")

    page.goto(site.url + "/en/nature/map/")  # MapLibre: its worker runs from a blob: URL
    page.wait_for_selector("#nature-map canvas")
    page.wait_for_function(
        "() => document.getElementById('map-summary').textContent.includes('Observations in view')"
    )

    page.goto(site.url + "/en/network/")
    page.wait_for_function("() => document.getElementById('network-map').dataset.ready === 'true'")

    page.goto(site.url + "/api/v1/docs")  # Swagger UI
    page.wait_for_selector(".swagger-ui .info")
    page.assert_no_violations()


def test_the_area_choice_submits_without_an_inline_handler(watched, site):
    """The tourism statistics' area <select> used onchange=; a static script does it now."""
    kanazawa = Area.objects.get(code="17201")
    other = Area.objects.filter(kind=kanazawa.kind).exclude(pk=kanazawa.pk).order_by("code")[0]
    figures = [
        FigureRow(month + 1, other.code, 2025, month, Measure.VISITORS, "", 90_000.0, "test")
        for month in range(1, 13)
    ]
    monthly_figures_write(figures=figures, file_name="csp-test", is_demo=True)
    page = watched
    page.goto(site.url + "/tourism/statistics/")
    page.get_by_test_id("area-select").select_option(other.code)
    page.wait_for_url(re.compile(rf".*[?&]area={other.code}"))
    assert other.name in page.locator("h1").inner_text()
    page.assert_no_violations()


def test_htmx_swaps_and_the_admin_keep_to_the_policy(watched, site):
    staff = UserFactory(email="csp-staff@example.org", roles=[Role.CITY_STAFF], is_staff=True)
    suggestion = (
        SdgSuggestion.objects.filter(
            content_type=ContentType.objects.get_for_model(Event),
            status=SuggestionStatus.PENDING,
        )
        .order_by("object_id")
        .first()
    )
    assert suggestion is not None, "the demo suggests SDGs for its events"
    page = watched
    _log_in(page, site, staff.email)

    page.goto(f"{site.url}/events/{suggestion.object_id}/")
    with page.expect_response(lambda r: "/suggestions/" in r.url) as answer:
        page.locator(".sdg-suggestions").get_by_role("button", name="採用").first.click()
    assert answer.value.request.headers.get("hx-request") == "true"
    page.wait_for_selector(".sdg-suggestion--accepted")
    assert page.url.endswith(f"/events/{suggestion.object_id}/")  # swapped in place

    page.goto(site.url + "/admin/")
    page.goto(site.url + "/admin/events/event/")
    page.assert_no_violations()
