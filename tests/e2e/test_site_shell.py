"""The bilingual site shell in a real browser: languages, keyboard, accessibility, fonts."""

import json

import pytest

pytestmark = pytest.mark.e2e

MODULES = ["indicators", "partners", "events", "nature", "crafts", "tourism", "network", "reports"]

# Draw each character on a canvas in the page's font; missing glyphs ("tofu") all draw alike.
GLYPH_BITMAPS = """(chars) => {
  const font = getComputedStyle(document.body).fontFamily;
  return chars.map((ch) => {
    const canvas = document.createElement('canvas');
    canvas.width = 48; canvas.height = 48;
    const ctx = canvas.getContext('2d');
    ctx.font = `40px ${font}`;
    ctx.fillText(ch, 2, 40);
    return Array.from(ctx.getImageData(0, 0, 48, 48).data).join(',');
  });
}"""


def run_axe(page) -> list[dict]:
    # From the site's own static files: the Content-Security-Policy refuses inline scripts.
    page.add_script_tag(url="/static/vendor/axe-core/axe.min.js")
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', "
        "'wcag21aa', 'best-practice']})"
    )
    return result["violations"]


def test_home_page_in_japanese(page, site, screenshot):
    page.goto(site.url + "/")
    assert page.locator("html").get_attribute("lang") == "ja"
    assert "金沢" in page.locator("h1").inner_text()
    assert page.get_by_role("navigation", name="メインメニュー").is_visible()
    screenshot(page, "home-ja")


def test_japanese_renders_with_a_real_font_not_boxes(page, site):
    page.goto(site.url + "/")
    kin, zawa, missing = page.evaluate(GLYPH_BITMAPS, ["金", "沢", "\U0010fffd"])
    assert kin != zawa, "different kanji drew the same shape: no Japanese font"
    assert kin != missing, "kanji drew as the missing-glyph box"
    assert zawa != missing, "kanji drew as the missing-glyph box"


def test_switching_language_keeps_the_page(page, site, screenshot):
    page.goto(site.url + "/city/")
    assert "金沢市" in page.locator("h1").inner_text()
    page.get_by_test_id("language-en").click()
    page.wait_for_url(site.url + "/en/city/")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("h1").inner_text() == "Kanazawa"
    page.goto(site.url + "/en/")
    screenshot(page, "home-en")
    page.get_by_test_id("language-ja").click()
    page.wait_for_url(site.url + "/")
    assert page.locator("html").get_attribute("lang") == "ja"


def test_menu_is_navigable_by_keyboard(page, site):
    page.goto(site.url + "/en/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    page.goto(site.url + "/en/")
    visited = []
    for _ in range(40):  # walk the page with Tab, recording the menu links reached
        page.keyboard.press("Tab")
        href = page.evaluate(
            "document.activeElement.closest('nav.site-nav') ? "
            "document.activeElement.getAttribute('href') : null"
        )
        if href:
            visited.append(href)
        if href == "/en/reports/":
            break
    assert visited[-len(MODULES) :] == [f"/en/{slug}/" for slug in MODULES]
    page.keyboard.press("Enter")
    page.wait_for_url(site.url + "/en/reports/")
    assert page.locator("h1").inner_text() == "Reports"
    assert page.locator('nav.site-nav a[aria-current="page"]').inner_text() == "Reports"


@pytest.mark.parametrize("path", ["/", "/en/", "/city/", "/en/sdgs/6/"])
def test_no_serious_accessibility_violations(page, site, path):
    page.goto(site.url + path)
    serious = [v for v in run_axe(page) if v["impact"] in ("serious", "critical")]
    assert serious == [], json.dumps(
        [
            {"id": v["id"], "help": v["help"], "nodes": [n["target"] for n in v["nodes"]]}
            for v in serious
        ],
        ensure_ascii=False,
        indent=1,
    )


def test_layout_fits_a_phone(browser, site):
    context = browser.new_context(viewport={"width": 375, "height": 740}, locale="ja-JP")
    page = context.new_page()
    page.goto(site.url + "/")
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    context.close()
    assert overflow <= 0
