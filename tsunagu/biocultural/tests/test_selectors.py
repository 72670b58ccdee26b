"""The graph and the per-node link lists."""

import pytest
from django.utils import translation

from tsunagu.biocultural import selectors
from tsunagu.biocultural.models import EcosystemService, Link, Place
from tsunagu.biocultural.services import link_create
from tsunagu.biocultural.tests.factories import (
    ElementFactory,
    MaterialFactory,
    PlaceFactory,
    TaxonFactory,
)
from tsunagu.nature.models import Taxon

pytestmark = pytest.mark.django_db


def test_graph_draws_each_link_as_a_chain_and_places_within_their_region():
    region = PlaceFactory(slug="region", kind="region", name_ja="圏", name_en="Region")
    river = PlaceFactory(slug="river", parent=region, name_ja="川", name_en="River")
    element = ElementFactory(slug="dyeing", name_ja="染め", name_en="Dyeing")
    service = EcosystemService.objects.get(vocabulary="cices", code="4.2.1.2")
    forest = MaterialFactory(slug="forest", kind="habitat")
    taxon = TaxonFactory(scientific_name="Testus arboreus")
    link = link_create(
        element=element,
        explanation_ja="説明",
        service=service,
        taxon=taxon,
        material=forest,
        place=river,
    )
    graph = selectors.graph_get()
    ids = {node["id"]: node for node in graph["nodes"]}
    assert set(ids) == {
        "place:region",
        "place:river",
        "element:dyeing",
        "service:cices:4.2.1.2",
        f"taxon:{taxon.pk}",
        "material:forest",
    }
    pairs = {(e["source"], e["target"]): e for e in graph["edges"]}
    assert set(pairs) == {
        ("place:river", "place:region"),
        ("element:dyeing", "service:cices:4.2.1.2"),
        ("service:cices:4.2.1.2", f"taxon:{taxon.pk}"),
        (f"taxon:{taxon.pk}", "material:forest"),
        ("material:forest", "place:river"),
    }
    assert pairs[("element:dyeing", "service:cices:4.2.1.2")]["links"] == [link.pk]
    assert pairs[("place:river", "place:region")]["relation"] == "within"
    assert ids["element:dyeing"]["url"] == "/nature/culture/elements/dyeing/"
    assert ids["service:cices:4.2.1.2"]["url"] == "/nature/culture/services/cices/4.2.1.2/"
    assert ids["place:river"]["degree"] == 2
    assert [c["key"] for c in graph["categories"]] == [
        "element",
        "service",
        "taxon",
        "material",
        "place",
    ]


def test_graph_labels_follow_the_language():
    element = ElementFactory(slug="lacquer", name_ja="漆器", name_en="Lacquer ware")
    link_create(element=element, explanation_ja="説明", place=PlaceFactory())
    with translation.override("en"):
        names = {n["id"]: n["name"] for n in selectors.graph_get()["nodes"]}
        assert selectors.graph_get()["categories"][0]["name"] == "Cultural element"
    assert names["element:lacquer"] == "Lacquer ware"
    with translation.override("ja"):
        assert {n["id"]: n["name"] for n in selectors.graph_get()["nodes"]}[
            "element:lacquer"
        ] == "漆器"


def test_an_edge_shared_by_two_links_is_drawn_once_with_both():
    element = ElementFactory()
    place = PlaceFactory()
    a = link_create(element=element, explanation_ja="一", place=place)
    b = link_create(element=element, explanation_ja="二", place=place)
    edges = [e for e in selectors.graph_get()["edges"] if e["relation"] == "link"]
    assert len(edges) == 1
    assert edges[0]["links"] == [a.pk, b.pk]


def test_taxon_links_include_the_taxa_below():
    genus = Taxon.objects.create(scientific_name="Testgenus", rank="genus")
    species = Taxon.objects.create(scientific_name="Testgenus one", rank="species", parent=genus)
    other = TaxonFactory(scientific_name="Othergenus two")
    element = ElementFactory()
    on_species = link_create(element=element, explanation_ja="種", taxon=species)
    on_genus = link_create(element=element, explanation_ja="属", taxon=genus)
    link_create(element=element, explanation_ja="別", taxon=other)
    assert set(selectors.taxon_links(species)) == {on_species}
    assert set(selectors.taxon_links(genus)) == {on_species, on_genus}
    assert not selectors.taxon_links(TaxonFactory(scientific_name="Lonely one")).exists()


def test_seeded_graph_covers_the_city_and_the_three_regions(seeded):
    graph = selectors.graph_get()
    ids = {n["id"] for n in graph["nodes"]}
    assert {"place:kanazawa", "place:noto", "place:kaga", "place:hakusan"} <= ids
    # every region has culture attached, not just a place node
    linked = {p.slug for p in Place.objects.filter(links__isnull=False)}
    assert {"kanazawa", "noto", "kaga", "hakusan"} <= linked
    assert len([e for e in graph["edges"] if e["relation"] == "link"]) >= Link.objects.count()


def test_graph_reads_in_a_fixed_number_of_queries(seeded, django_assert_max_num_queries):
    with django_assert_max_num_queries(4):
        graph = selectors.graph_get()
    assert len(graph["nodes"]) > 40
