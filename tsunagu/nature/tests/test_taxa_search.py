"""Taxon search, autocomplete API and taxon pages (tested over HTTP)."""

import pytest
from django.urls import reverse

from tsunagu.nature.models import Observation, QualityGrade, Taxon
from tsunagu.nature.selectors.taxa import normalise_query, taxon_search

pytestmark = pytest.mark.django_db


def _names(query: str, limit: int = 10) -> list[str]:
    return [taxon.scientific_name for taxon in taxon_search(query, limit=limit)]


def test_normalise_query():
    assert normalise_query(" げんじぼたる ") == "ゲンジボタル"
    assert normalise_query("ｹﾞﾝｼﾞ") == "ゲンジ"
    assert normalise_query("Ｌｕｃｉｏｌａ") == "Luciola"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("げんじ", "Luciola cruciata"),
        ("ゲンジボタル", "Luciola cruciata"),
        ("ｹﾞﾝｼﾞ", "Luciola cruciata"),
        ("genji", "Luciola cruciata"),
        ("luciola cru", "Luciola cruciata"),
        ("red swamp", "Procambarus clarkii"),
        ("あて", "Thujopsis dolabrata var. hondai"),
        ("ブラックバス", "Micropterus salmoides"),
    ],
)
def test_search_finds_by_any_name(query, expected):
    assert _names(query)[0] == expected


def test_vernacular_names_match_both_medaka():
    assert set(_names("メダカ")[:2]) == {"Oryzias latipes", "Oryzias sakaizumii"}


def test_exact_then_prefix_then_contains():
    sparrows = _names("スズメ")
    assert sparrows[:3] == ["Passer montanus", "Passeridae", "Passeriformes"]
    dragonflies = _names("トンボ")  # トンボ目 starts with it; the others contain it
    assert dragonflies[0] == "Odonata"
    assert dragonflies[1:3] == ["Atrocalopteryx atrata", "Calopterygidae"]
    assert _names("") == []


def test_autocomplete_api_shape_and_limit(client):
    response = client.get("/api/v1/nature/taxa/autocomplete", {"q": "ほたる"})
    assert response.status_code == 200
    results = response.json()
    assert results
    assert set(results[0]) == {"id", "scientific_name", "common_name", "rank", "label"}
    first = {item["scientific_name"]: item for item in results}["Lampyridae"]
    assert first["label"].startswith("ホタル科 (Lampyridae)")
    assert (
        client.get("/api/v1/nature/taxa/autocomplete", {"q": "a", "limit": 3}).json().__len__() == 3
    )
    assert client.get("/api/v1/nature/taxa/autocomplete", {"q": ""}).json() == []


def test_taxon_list_page_searches(client):
    response = client.get(reverse("nature:taxon_list"), {"q": "かわせみ"})
    assert response.status_code == 200
    assert "Alcedo atthis" in response.content.decode()
    english = client.get("/en/nature/taxa/", {"rank": "kingdom"})
    assert english.status_code == 200
    body = english.content.decode()
    assert "Plantae" in body
    assert "Luciola cruciata" not in body


def test_taxon_page_shows_names_tree_status_and_count(client):
    from .factories import ObservationFactory

    genji = Taxon.objects.get(scientific_name="Luciola cruciata", rank="species")
    for grade, hidden in ((QualityGrade.RESEARCH, False), (QualityGrade.RESEARCH, True),
                          (QualityGrade.CASUAL, False)):  # fmt: skip
        observation = ObservationFactory(photos=0, refresh=False, is_hidden=hidden)
        Observation.objects.filter(pk=observation.pk).update(
            quality_grade=grade, community_taxon=genji, taxon=genji
        )
    genus = genji.parent
    response = client.get(reverse("nature:taxon_detail", args=[genus.pk]))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Luciola cruciata" in body  # a child
    assert "ホタル科" in body
    assert "Lampyridae" in body
    assert response.context["research_grade_count"] == 1
    page = client.get(f"/en/nature/taxa/{genji.pk}/").content.decode()
    assert "Genji firefly" in page
    assert "Motschulsky, 1854" in page
    assert "generalised" not in page


def test_sensitive_taxon_page_says_locations_are_generalised(client):
    salamander = Taxon.objects.get(scientific_name="Hynobius takedai")
    page = client.get(f"/en/nature/taxa/{salamander.pk}/").content.decode()
    assert "generalised to a 0.2° grid cell" in page
    assert client.get("/nature/taxa/999999/").status_code == 404
