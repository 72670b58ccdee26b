"""Network pages in Japanese and English, the downloads and the admin for staff only."""

import csv
import io
import json

import pytest


@pytest.mark.parametrize(("prefix", "lang"), [("", "ja"), ("/en", "en")])
def test_map_page_in_both_languages(client, network, prefix, lang):
    response = client.get(f"{prefix}/network/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert "<h1>UNESCO Creative Cities Network</h1>" in html or lang == "ja"
    assert 'id="network-map"' in html
    assert 'data-exchange-lines="1"' in html
    assert 'data-partner="icheon"' in html
    assert "vendor/maplibre-gl/maplibre-gl.js" in html
    assert 'data-testid="uccn-credit"' in html


def test_map_filter_by_field_counts_and_hides_rows(client, network):
    html = client.get("/en/network/?field=Design").content.decode()
    assert 'data-shown="1"' in html
    assert 'data-mapped="1"' in html
    assert '<tr data-field="Crafts and Folk Art" hidden>' in html


def test_unknown_field_is_ignored(client, network):
    html = client.get("/en/network/?field=Pottery").content.decode()
    assert 'data-shown="4"' in html


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_city_page_shows_facts_and_exchanges(client, network, prefix):
    response = client.get(f"{prefix}/network/cities/kanazawa/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "2009" in html
    assert "Residency in Icheon" in html
    assert "Icheon delegation" in html  # exchanges where Kanazawa is the partner too
    assert html.count('data-testid="exchange"') == 3
    if prefix == "/en":
        assert "Porcelain project (demo)" in html


def test_city_page_says_when_facts_are_unknown(client, network):
    html = client.get("/en/network/cities/limoges/").content.decode()
    assert "not verified yet" in html


def test_unknown_city_is_404(client, network):
    assert client.get("/en/network/cities/atlantis/").status_code == 404


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_figures_and_meetings_pages(client, network, prefix):
    figures = client.get(f"{prefix}/network/kanazawa/figures/")
    assert figures.status_code == 200
    assert "vendor/echarts/echarts.min.js" in figures.content.decode()
    data = json.loads(
        figures.content.decode()
        .split('id="network-chart-data" type="application/json">')[1]
        .split("</script>")[0]
    )
    assert data["years"] == ["2019", "2021"]
    meetings = client.get(f"{prefix}/network/meetings/")
    assert meetings.status_code == 200
    assert "2015" in meetings.content.decode()


def test_cities_csv(client, network):
    response = client.get("/network/cities.csv?field=Crafts and Folk Art")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert sorted(r["slug"] for r in rows) == ["icheon", "kanazawa", "limoges"]
    kanazawa = next(r for r in rows if r["slug"] == "kanazawa")
    assert (kanazawa["country"], kanazawa["designation_year"]) == ("JP", "2009")
    assert next(r for r in rows if r["slug"] == "limoges")["designation_year"] == ""


def test_cities_json(client, network):
    data = client.get("/network/cities.json?country=JP").json()
    assert data["count"] == 2
    assert {c["slug"] for c in data["cities"]} == {"kanazawa", "kobe"}
    assert "UNESCO" in data["source"]


@pytest.mark.parametrize(
    ("role", "status"),
    [(None, 302), ("plain_user", 302), ("partner_member", 302), ("administrator", 200)],
)
def test_admin_is_for_staff_only(client_as, network, role, status):
    client = client_as(role)
    for path in [
        "/admin/network/creativecity/",
        "/admin/network/exchange/",
        "/admin/network/annualmeeting/",
    ]:
        assert client.get(path).status_code == status


def test_admin_change_pages_open(client_as, network):
    client = client_as("administrator")
    assert (
        client.get(f"/admin/network/creativecity/{network['kanazawa'].pk}/change/").status_code
        == 200
    )
    exchange = network["kanazawa"].exchanges_out.first()
    assert client.get(f"/admin/network/exchange/{exchange.pk}/change/").status_code == 200
