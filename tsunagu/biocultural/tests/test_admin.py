"""Writes go through the admin only: staff edit, nobody else gets in."""

import pytest

from tsunagu.biocultural.models import CulturalElement, Link, Place

pytestmark = pytest.mark.django_db

URLS = [
    "/admin/biocultural/culturalelement/",
    "/admin/biocultural/culturalelement/add/",
    "/admin/biocultural/ecosystemservice/",
    "/admin/biocultural/place/",
    "/admin/biocultural/material/",
    "/admin/biocultural/source/",
]


def test_administrator_edits_elements_side_by_side_with_links_inline(client_as, seeded):
    client = client_as("administrator")
    for url in URLS:
        assert client.get(url).status_code == 200, url
    element = CulturalElement.objects.get(slug="kaga-yuzen")
    html = client.get(f"/admin/biocultural/culturalelement/{element.pk}/change/").content.decode()
    for name in ['name="name_ja"', 'name="name_en"', "links-0-explanation_ja", "links-0-service"]:
        assert name in html, name


@pytest.mark.parametrize("role", [None, "plain_user", "partner_member", "assessor"])
def test_others_cannot_reach_the_admin_or_write(client_as, seeded, role):
    client = client_as(role)
    for url in URLS:
        response = client.get(url)
        assert response.status_code == 302, (url, role)
        assert "/admin/login/" in response["Location"]
    element = CulturalElement.objects.get(slug="kaga-yuzen")
    response = client.post(
        f"/admin/biocultural/culturalelement/{element.pk}/delete/", {"post": "yes"}
    )
    assert response.status_code == 302
    assert CulturalElement.objects.filter(pk=element.pk).exists()


def _element_post(element: CulturalElement, **changes) -> dict:
    data = {
        "slug": element.slug,
        "kind": element.kind,
        "name_ja": element.name_ja,
        "name_en": element.name_en,
        "description_ja": element.description_ja,
        "description_en": element.description_en,
        "place_name_ja": element.place_name_ja,
        "place_name_en": element.place_name_en,
        "latitude": element.latitude,
        "longitude": element.longitude,
        "image_credit": "",
        "links-TOTAL_FORMS": "1",
        "links-INITIAL_FORMS": "0",
        "links-MIN_NUM_FORMS": "0",
        "links-MAX_NUM_FORMS": "1000",
        "links-0-order": "9",
        "links-0-explanation_ja": "新しいつながり",
        "links-0-explanation_en": "",
    }
    return data | changes


def test_admin_refuses_a_link_without_nodes_and_writes_nothing(client_as, seeded):
    client = client_as("administrator")
    element = CulturalElement.objects.get(slug="aenokoto")
    before = Link.objects.count()
    url = f"/admin/biocultural/culturalelement/{element.pk}/change/"
    response = client.post(
        url, _element_post(element, name_en="Changed"), headers={"accept-language": "en"}
    )
    assert response.status_code == 200  # the form again, with the error
    assert "A link needs an ecosystem service" in response.content.decode()
    element.refresh_from_db()
    assert element.name_en == "Oku-Noto no Aenokoto"
    assert Link.objects.count() == before
    place = Place.objects.get(slug="noto")
    response = client.post(url, _element_post(element, **{"links-0-place": place.pk}))
    assert response.status_code == 302
    assert Link.objects.count() == before + 1
