import re

import pytest
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(db):
    call_command("load_demo", verbosity=0)


def h1(response) -> str:
    return re.search(r"<h1[^>]*>(.*?)</h1>", response.content.decode(), re.S).group(1).strip()


def test_home_is_japanese_at_the_root_and_english_under_en(client, demo):
    ja = client.get("/")
    assert ja.status_code == 200
    assert '<html lang="ja">' in ja.content.decode()
    assert "金沢" in h1(ja)
    en = client.get("/en/")
    assert '<html lang="en">' in en.content.decode()
    assert "Kanazawa" in h1(en)


def test_root_stays_japanese_whatever_the_browser_prefers(demo):
    response = Client(HTTP_ACCEPT_LANGUAGE="en").get("/")
    assert '<html lang="ja">' in response.content.decode()


def test_language_switch_links_to_the_same_page_in_the_other_language(client, demo):
    ja = client.get("/city/").content.decode()
    assert re.search(r'href="/en/city/"[^>]*hreflang="en"', ja)
    en = client.get("/en/sdgs/11/").content.decode()
    assert re.search(r'href="/sdgs/11/"[^>]*hreflang="ja"', en)


def test_navigation_reaches_every_module(client, demo):
    page = client.get("/en/").content.decode()
    nav = re.search(r'<nav class="site-nav".*?</nav>', page, re.S).group(0)
    for slug in [
        "indicators",
        "partners",
        "events",
        "nature",
        "crafts",
        "tourism",
        "network",
        "reports",
    ]:
        assert f'href="/en/{slug}/"' in nav
        assert client.get(f"/en/{slug}/").status_code == 200
    assert client.get("/en/no-such-module/").status_code == 404


def test_city_profile_shows_facts_with_sources(client, demo):
    en = client.get("/en/city/").content.decode()
    assert "Kanazawa" in en
    assert "463,254" in en
    assert "SSDSE-A" in en
    assert "(2020)" in en
    assert "Crafts and Folk Art (designated 8 June 2009)" in en
    assert "SDGs Future City" in en
    assert "2015" in en
    assert "Demo content" in en
    ja = client.get("/city/").content.decode()
    assert "金沢市" in ja
    assert "出典：独立行政法人統計センター SSDSE-A" in ja
    assert "いしかわ・かなざわ 生物文化圏" in ja


def test_goal_page_lists_targets_in_order_with_local_targets(client, demo):
    page = client.get("/en/sdgs/6/").content.decode()
    positions = [page.index(f"<strong>{code}</strong>") for code in ["6.1", "6.6", "6.a", "6.b"]]
    assert positions == sorted(positions)
    assert "6.6.1" in page
    assert "demo content" in page


def test_every_page_credits_the_sdg_texts(client, demo):
    for url in ["/", "/en/", "/sdgs/6/"]:
        page = client.get(url).content.decode()
        assert "A/RES/70/1" in page


def test_demo_load_is_idempotent_and_keeps_edits_with_if_empty(demo):
    from tsunagu.core.models import Area, CityFact, LocalTarget

    counts = (Area.objects.count(), CityFact.objects.count(), LocalTarget.objects.count())
    LocalTarget.objects.filter(code="11.4.1").update(title_en="Edited by staff")
    call_command("load_demo", "--if-empty", verbosity=0)
    assert LocalTarget.objects.get(code="11.4.1").title_en == "Edited by staff"
    call_command("load_demo", verbosity=0)
    assert (Area.objects.count(), CityFact.objects.count(), LocalTarget.objects.count()) == counts


def test_healthz_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "redis": "not configured"}


def test_healthz_reports_redis_when_configured(client, settings):
    settings.REDIS_URL = "redis://127.0.0.1:6379/15"
    assert client.get("/healthz").json()["checks"]["redis"] == "ok"
    settings.REDIS_URL = "redis://127.0.0.1:1/0"  # nothing listens there
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["redis"].startswith("error")


def test_admin_edits_both_languages_side_by_side(client_as):
    page = client_as("city_staff").get("/admin/core/localtarget/add/").content.decode()
    row = re.search(
        r'<div class="form-row[^"]*field-title_ja[^"]*field-title_en.*?</fieldset>|'
        r'<div class="form-row[^"]*field-title_ja[^"]*field-title_en',
        page,
        re.S,
    )
    assert row, "title_ja and title_en should share one admin row"
