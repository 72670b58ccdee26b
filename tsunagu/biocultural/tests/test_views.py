"""The pages in Japanese and English."""

import pytest
from django.template.loader import render_to_string

from tsunagu.biocultural import selectors
from tsunagu.biocultural.models import Link
from tsunagu.nature.models import Taxon

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("prefix", "title", "element"),
    # UI strings are translated after this work (no .po yet): the Japanese page is recognised
    # by its language and its Japanese content
    [("", '<html lang="ja">', "加賀友禅"), ("/en", "biocultural region", "Kaga-yuzen dyeing")],
)
def test_element_list_in_both_languages(client, seeded, prefix, title, element):
    response = client.get(f"{prefix}/nature/culture/")
    assert response.status_code == 200
    html = response.content.decode()
    assert title in html
    assert element in html
    assert f'href="{prefix}/nature/culture/elements/kaga-yuzen/"' in html


def test_element_list_filters_by_kind(client, seeded):
    html = client.get("/en/nature/culture/?kind=food").content.decode()
    assert "Kaburazushi" in html
    assert "Kaga-yuzen dyeing" not in html
    # an unknown kind is ignored, not an error
    assert "Kaga-yuzen dyeing" in client.get("/en/nature/culture/?kind=x").content.decode()


@pytest.mark.parametrize(
    ("prefix", "words"),
    [
        ("", ["加賀友禅", "浅野川", "友禅流し", "森林に覆われた集水域", "犀川"]),
        ("/en", ["Kaga-yuzen dyeing", "Asano river", "yuzen nagashi", "Forested catchments"]),
    ],
)
def test_element_page_shows_its_links_with_sources(client, seeded, prefix, words):
    response = client.get(f"{prefix}/nature/culture/elements/kaga-yuzen/")
    assert response.status_code == 200
    html = response.content.decode()
    for word in words:
        assert word in html, word
    assert "CICES 4.2.1.2" in html
    assert 'href="https://ich.unesco.org' not in html  # only this element's sources
    assert 'href="https://www.unesco.org/en/creative-cities/kanazawa"' in html
    assert html.count("<tr>") == 1 + Link.objects.filter(element__slug="kaga-yuzen").count()


def test_unknown_pages_are_404(client, seeded):
    for url in [
        "/nature/culture/elements/nothing/",
        "/nature/culture/services/cices/9.9.9.9/",
        "/nature/culture/services/other/1/",
        "/nature/culture/materials/nothing/",
        "/en/nature/culture/places/nothing/",
    ]:
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize(
    ("url", "words"),
    [
        ("/en/nature/culture/services/cices/4.2.1.2/", ["Kanazawa gold leaf", "Futamata washi"]),
        ("/nature/culture/services/ncp/17/", ["兼六園の雪吊り", "奥能登のあえのこと"]),
        ("/en/nature/culture/materials/straw-rope/", ["Snow-bracing (yukitsuri) at Kenrokuen"]),
        ("/en/nature/culture/places/noto/", ["Wajima lacquer ware", "Ishikawa–Kanazawa"]),
        ("/nature/culture/places/ishikawa-kanazawa/", ["金沢市", "能登", "加賀", "白山"]),
    ],
)
def test_node_pages_list_the_linked_elements(client, seeded, url, words):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    for word in words:
        assert word in html, word


@pytest.mark.parametrize(
    ("prefix", "heading", "element"),
    [("", '<html lang="ja">', "兼六園の雪吊り"), ("/en", "biocultural region", "Kenrokuen")],
)
def test_graph_page_has_the_chart_the_data_and_the_table(client, seeded, prefix, heading, element):
    response = client.get(f"{prefix}/nature/culture/graph/")
    assert response.status_code == 200
    html = response.content.decode()
    assert heading in html
    assert element in html
    assert 'id="biocultural-graph"' in html
    assert "vendor/echarts/echarts.min.js" in html
    assert "biocultural/graph.js" in html
    assert 'id="graph-data"' in html
    data = response.context["graph"]
    names = {n["id"]: n["name"] for n in data["nodes"]}
    assert names["element:kaga-yuzen"] == ("加賀友禅" if prefix == "" else "Kaga-yuzen dyeing")
    # the accessible fallback: every link is a table row
    assert html.count('data-testid="element-link"') == Link.objects.count()


def test_taxon_links_include_renders_for_the_nature_taxon_page(seeded):
    urushi = Taxon.objects.get(scientific_name="Toxicodendron vernicifluum", rank="species")
    html = render_to_string(
        "biocultural/_taxon_links.html", {"links": selectors.taxon_links(urushi)}
    )
    assert html.count("<li>") == 3
    assert "/nature/culture/elements/wajima-nuri/" in html
    assert "wajimanuri.or.jp" in html
    # the species page shows the links of its variety (Noto's ate)
    hiba = Taxon.objects.get(scientific_name="Thujopsis dolabrata", rank="species")
    html = render_to_string("biocultural/_taxon_links.html", {"links": selectors.taxon_links(hiba)})
    assert "/nature/culture/elements/kenrokuen-yukitsuri/" in html
    empty = render_to_string("biocultural/_taxon_links.html", {"links": []})
    assert "/nature/culture/elements/" not in empty
