"""The catalogue pages in Japanese and English, and the contact form from the outside."""

import pytest
from django.core import mail

from tsunagu.crafts.models import ContactMessage, CraftMaterial
from tsunagu.crafts.tests.conftest import SECRET_ADDRESSES
from tsunagu.crafts.tests.factories import ArtisanFactory, CraftFactory, WorkshopFactory
from tsunagu.nature.models import Taxon


@pytest.mark.parametrize(("prefix", "title"), [("", "金沢箔"), ("/en", "Kanazawa gold leaf")])
def test_pages_in_both_languages(client, workshop, craft, prefix, title):
    ArtisanFactory(slug="hanako", name_ja="花子", name_en="Hanako", workshop=workshop)
    for path in ("/crafts/", "/crafts/kanazawa-gold-leaf/", "/crafts/workshops/gold-studio/"):
        response = client.get(prefix + path)
        assert response.status_code == 200, path
        assert title in response.content.decode()
    response = client.get(prefix + "/crafts/artisans/hanako/")
    assert response.status_code == 200
    assert ("花子" if not prefix else "Hanako") in response.content.decode()


def test_list_filters_workshops_by_craft(client, workshop):
    other = WorkshopFactory(name_en="Pottery Place", crafts=[CraftFactory(slug="kutani-ware")])
    page = client.get("/en/crafts/?craft=kutani-ware").content.decode()
    assert other.name_en in page
    assert workshop.name_en not in page
    page = client.get("/en/crafts/?craft=unknown").content.decode()
    assert other.name_en in page
    assert workshop.name_en in page


def test_craft_page_links_materials_to_nature_pages(client, craft, workshop):
    taxon, _ = Taxon.objects.get_or_create(
        scientific_name="Toxicodendron vernicifluum", rank="species"
    )
    CraftMaterial.objects.create(craft=craft, name_en="Urushi", name_ja="漆", taxon=taxon)
    craft.designation = "national"
    craft.meti_designation_year = 1977
    craft.save()
    page = client.get("/en/crafts/kanazawa-gold-leaf/").content.decode()
    assert f'href="/en/nature/taxa/{taxon.pk}/"' in page
    assert "1977" in page
    assert 'href="/en/crafts/workshops/gold-studio/"' in page


def test_unpublished_and_unknown_give_404(client, workshop):
    workshop.is_published = False
    workshop.save()
    assert client.get("/crafts/workshops/gold-studio/").status_code == 404
    assert client.get("/crafts/no-such-craft/").status_code == 404
    assert client.get("/crafts/artisans/nobody/").status_code == 404


def test_workshop_page_shows_map_hours_languages_accessibility(client, workshop):
    response = client.get("/en/crafts/workshops/gold-studio/")
    page = response.content.decode()
    assert 'id="workshop-map"' in page
    assert "workshop-map-data" in page
    assert "maplibre-gl.js" in page
    assert "English" in page
    assert 'data-testid="accessibility"' in page
    assert response.context["map"]["latitude"] == pytest.approx(36.5724)


def test_pages_and_api_never_show_workshop_emails(client_as, workshop):
    ArtisanFactory(workshop=workshop)
    for role in (None, "plain_user"):
        client = client_as(role)
        for path in (
            "/crafts/",
            "/en/crafts/kanazawa-gold-leaf/",
            "/en/crafts/workshops/gold-studio/",
            "/api/v1/crafts/workshops",
            "/api/v1/crafts/workshops/gold-studio",
            "/api/v1/crafts/crafts/kanazawa-gold-leaf",
        ):
            body = client.get(path).content.decode()
            for secret in SECRET_ADDRESSES:
                assert secret not in body, (role, path)


def test_anonymous_visitor_sends_a_message(client, workshop, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/crafts/workshops/gold-studio/",
            {"name": "Emma", "email": "emma@example.org", "message": "Can I visit on Friday?"},
        )
    assert response.status_code == 302
    assert mail.outbox[0].reply_to == ["emma@example.org"]
    follow = client.get(response["Location"]).content.decode()
    assert "Your message was sent" in follow
    for secret in SECRET_ADDRESSES:
        assert secret not in follow


def test_anonymous_visitor_needs_name_and_email(client, workshop):
    response = client.post("/en/crafts/workshops/gold-studio/", {"message": "Hi"})
    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"name", "email"}
    assert not ContactMessage.objects.exists()


def test_logged_in_user_sends_without_name_and_email(client_as, users, workshop):
    client = client_as("plain_user")
    page = client.get("/en/crafts/workshops/gold-studio/")
    assert "name" not in page.context["form"].fields
    response = client.post("/en/crafts/workshops/gold-studio/", {"message": "Hello"})
    assert response.status_code == 302
    contact = ContactMessage.objects.get()
    assert contact.sender == users["plain_user"]
    assert contact.email == "citizen@example.org"


def test_service_errors_come_back_on_the_form(client, db):
    lonely = WorkshopFactory(slug="lonely", contact_email="")
    response = client.post(
        "/en/crafts/workshops/lonely/", {"name": "E", "email": "e@example.org", "message": "Hi"}
    )
    assert response.status_code == 400
    assert response.context["form"].non_field_errors()
    assert not ContactMessage.objects.filter(workshop=lonely).exists()


def test_craft_page_links_its_biocultural_element(client, craft):
    from tsunagu.biocultural.models import CulturalElement

    element = CulturalElement.objects.create(slug="gold", kind="craft", name_en="Gold leaf")
    craft.cultural_element = element
    craft.save()
    page = client.get("/en/crafts/kanazawa-gold-leaf/").content.decode()
    assert 'href="/en/nature/culture/elements/gold/"' in page
