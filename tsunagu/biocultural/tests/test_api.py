"""GET /api/v1/nature/culture/graph and /elements; the API has no writes."""

import pytest

from tsunagu.biocultural.models import CulturalElement, Link

pytestmark = pytest.mark.django_db

BASE = "/api/v1/nature/culture"


@pytest.mark.parametrize(
    ("lang", "name", "prefix"), [("ja", "加賀友禅", ""), ("en", "Kaga-yuzen dyeing", "/en")]
)
def test_graph_returns_nodes_and_edges_in_the_language_asked(client, seeded, lang, name, prefix):
    response = client.get(f"{BASE}/graph", {"lang": lang})
    assert response.status_code == 200
    data = response.json()
    nodes = {n["id"]: n for n in data["nodes"]}
    assert nodes["element:kaga-yuzen"]["name"] == name
    assert nodes["element:kaga-yuzen"]["category"] == "element"
    assert nodes["element:kaga-yuzen"]["kind"] == "craft"
    assert nodes["element:kaga-yuzen"]["url"] == f"{prefix}/nature/culture/elements/kaga-yuzen/"
    assert all(e["source"] in nodes and e["target"] in nodes for e in data["edges"])
    linked = {pk for e in data["edges"] for pk in e["links"]}
    assert linked == set(Link.objects.values_list("pk", flat=True))
    assert len(data["categories"]) == 5


def test_elements_list_with_links_and_sources(client, seeded):
    data = client.get(f"{BASE}/elements").json()
    assert len(data) == CulturalElement.objects.count()
    yuzen = next(e for e in data if e["slug"] == "kaga-yuzen")
    assert yuzen["name_en"] == "Kaga-yuzen dyeing"
    assert yuzen["name_ja"] == "加賀友禅"
    first = yuzen["links"][0]
    assert first["service"] == "service:cices:4.2.1.2"
    assert first["place"] == "asano-river"
    assert first["material"] == "forested-catchments"
    assert first["sources"][0]["url"].startswith("https://")
    assert first["explanation_en"]
    kinds = {e["kind"] for e in client.get(f"{BASE}/elements", {"kind": "food"}).json()}
    assert kinds == {"food"}


def test_one_element_and_404(client, seeded):
    data = client.get(f"{BASE}/elements/kenrokuen-yukitsuri").json()
    taxa = {link["taxon"] for link in data["links"]}
    assert {"Oryza sativa", "Phyllostachys bambusoides", "Pinus thunbergii"} <= taxa
    assert client.get(f"{BASE}/elements/nothing").status_code == 404


@pytest.mark.parametrize("role", [None, "plain_user", "city_staff", "administrator"])
def test_the_api_has_no_write(client_as, seeded, role):
    client = client_as(role)
    before = CulturalElement.objects.count()
    for method in ("post", "put", "patch", "delete"):
        response = getattr(client, method)(
            f"{BASE}/elements/kaga-yuzen", data={}, content_type="application/json"
        )
        assert response.status_code == 405, (method, role)
    assert (
        client.post(f"{BASE}/elements", data={}, content_type="application/json").status_code == 405
    )
    assert CulturalElement.objects.count() == before
