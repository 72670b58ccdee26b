"""Operators register themselves and keep their details and tour products up to date:
the services, the pages, and every "may not" from the outside."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from tsunagu.accounts.roles import Role
from tsunagu.accounts.tests.factories import OrganisationFactory, UserFactory
from tsunagu.core.models import Area, AreaKind
from tsunagu.crafts.models import Workshop
from tsunagu.partners.models import Partner, PartnerStatus
from tsunagu.tourism.models import Operator, TourProduct
from tsunagu.tourism.services.applications import operator_create as legacy_operator_create
from tsunagu.tourism.services.certificates import certificate_status_set
from tsunagu.tourism.services.operators import (
    operator_create,
    operator_slug_new,
    operator_update,
    tour_product_create,
    tour_product_delete,
    tour_product_update,
)
from tsunagu.tourism.services.reviews import application_decide
from tsunagu.tourism.tests.factories import in_panel, score_all

pytestmark = pytest.mark.usefixtures("english_messages")


def _partner(organisation, status=PartnerStatus.ACTIVE) -> Partner:
    return Partner.objects.create(
        organisation=organisation,
        status=status,
        contact_name="担当",
        contact_email=f"{organisation.slug}@example.org",
    )


@pytest.fixture
def own_partner(member):
    organisation = OrganisationFactory(slug="asanogawa-association")
    member.organisations.add(organisation)
    return _partner(organisation)


@pytest.fixture
def other_partner(db):
    return _partner(OrganisationFactory(slug="someone-else"))


@pytest.fixture
def kanazawa(db):
    return Area.objects.get_or_create(
        code="17201", defaults={"kind": AreaKind.MUNICIPALITY, "name": "金沢市"}
    )[0]


@pytest.fixture
def outsider(db):
    return UserFactory(email="outsider@example.org")


def client_for(user) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


# Services


def test_the_creator_becomes_a_member_and_the_slug_comes_from_the_name(outsider):
    operator = operator_create(
        by=outsider, name_ja="九谷焼工房", name_en="Kutani Studio", type="craft_workshop"
    )
    assert operator.slug == "kutani-studio"
    assert list(operator.members.all()) == [outsider]
    again = operator_create(by=outsider, name_en="Kutani Studio", type="craft_workshop")
    assert again.slug == "kutani-studio-2"


def test_a_name_in_japanese_script_only_gets_a_numbered_slug(outsider):
    first = operator_create(by=outsider, name_ja="ひがし茶屋の宿", type="accommodation")
    second = operator_create(by=outsider, name_ja="にし茶屋の宿", type="accommodation")
    assert (first.slug, second.slug) == ("operator-1", "operator-2")
    assert operator_slug_new("", "金沢") == "operator-3"


def test_the_old_import_still_works(member):
    assert legacy_operator_create is operator_create


def test_a_name_is_required_and_nothing_is_saved_without_one(outsider):
    with pytest.raises(ValidationError) as error:
        operator_create(by=outsider, name_ja="", name_en="", type="accommodation")
    assert "name_ja" in error.value.message_dict
    with pytest.raises(ValidationError):
        operator_create(by=outsider, name_en="Inn", type="not-a-type")
    assert not Operator.objects.exists()


def test_only_an_approved_partner_of_ones_own_can_be_linked(
    member, own_partner, other_partner, kanazawa
):
    with pytest.raises(ValidationError) as error:
        operator_create(by=member, name_en="Inn", type="accommodation", partner=other_partner)
    assert "partner" in error.value.message_dict
    own_partner.status = PartnerStatus.APPLIED
    own_partner.save()
    with pytest.raises(ValidationError):
        operator_create(by=member, name_en="Inn", type="accommodation", partner=own_partner)
    assert not Operator.objects.filter(name_en="Inn").exists()
    own_partner.status = PartnerStatus.APPROVED
    own_partner.save()
    operator = operator_create(
        by=member, name_en="Inn", type="accommodation", partner=own_partner, area=kanazawa
    )
    assert (operator.partner, operator.area) == (own_partner, kanazawa)


def test_staff_may_link_any_approved_partner(staff, other_partner):
    operator = operator_create(by=staff, name_en="Inn", type="accommodation", partner=other_partner)
    assert operator.partner == other_partner


def test_members_and_staff_update_others_may_not(operator, member, staff, outsider):
    operator_update(operator=operator, by=member, name_en="Asanogawa Inn", website="https://a.jp")
    operator_update(operator=operator, by=staff, description_en="By the river")
    operator.refresh_from_db()
    assert (operator.name_en, operator.website, operator.description_en) == (
        "Asanogawa Inn",
        "https://a.jp",
        "By the river",
    )
    with pytest.raises(PermissionDenied):
        operator_update(operator=operator, by=outsider, name_en="Mine")
    with pytest.raises(TypeError):
        operator_update(operator=operator, by=member, slug="elsewhere")
    with pytest.raises(TypeError):
        operator_create(by=member, name_en="Inn", type="accommodation", is_published=True)


def test_an_existing_partner_link_may_stay(operator, member, other_partner):
    operator.partner = other_partner
    operator.save()
    operator_update(operator=operator, by=member, partner=other_partner, name_en="Inn")
    operator.refresh_from_db()
    assert operator.partner == other_partner


def test_an_invalid_update_changes_nothing(operator, member):
    with pytest.raises(ValidationError):
        operator_update(operator=operator, by=member, name_ja="", name_en="", website="x")
    operator.refresh_from_db()
    assert operator.name == "Asanogawa Inn"
    assert operator.website == ""


def test_tour_products_are_managed_by_members_only(operator, member, outsider, other_partner):
    product = tour_product_create(
        operator=operator,
        by=member,
        title_ja="朝の散歩",
        duration_minutes=90,
        price_yen=2500,
        partners=[other_partner],
    )
    assert list(product.partners.all()) == [other_partner]
    product = tour_product_update(product=product, by=member, title_en="Morning walk", partners=[])
    assert product.title_en == "Morning walk"
    assert not product.partners.exists()
    for call in (
        lambda: tour_product_create(operator=operator, by=outsider, title_ja="私の"),
        lambda: tour_product_update(product=product, by=outsider, title_ja="私の"),
        lambda: tour_product_delete(product=product, by=outsider),
    ):
        with pytest.raises(PermissionDenied):
            call()
    tour_product_delete(product=product, by=member)
    assert not TourProduct.objects.exists()


def test_a_tour_product_needs_a_title_and_nothing_is_half_saved(operator, member, other_partner):
    with pytest.raises(ValidationError) as error:
        tour_product_create(operator=operator, by=member, title_ja="", partners=[other_partner])
    assert "title_ja" in error.value.message_dict
    assert not TourProduct.objects.exists()


# Pages


def test_a_user_registers_an_operator_through_the_form(outsider, own_partner, kanazawa):
    outsider.organisations.add(own_partner.organisation)
    client = client_for(outsider)
    page = client.get(reverse("tourism:operator_create"))
    assert page.status_code == 200
    assert own_partner.organisation.name in page.content.decode()
    response = client.post(
        reverse("tourism:operator_create"),
        {
            "name_ja": "犀川の宿",
            "name_en": "",
            "type": "accommodation",
            "description_ja": "川沿いの小さな宿",
            "area": kanazawa.pk,
            "website": "https://saigawa.example.org",
            "partner": own_partner.pk,
        },
    )
    operator = Operator.objects.get(name_ja="犀川の宿")
    assert response.status_code == 302
    assert response["Location"] == reverse("tourism:tour_product_list", args=[operator.slug])
    assert operator.slug == "operator-1"
    assert operator.partner == own_partner
    assert outsider in operator.members.all()
    my = client.get(reverse("tourism:my")).content.decode()
    assert 'data-testid="operator-operator-1"' in my
    assert reverse("tourism:operator_edit", args=["operator-1"]) in my
    assert reverse("tourism:tour_product_list", args=["operator-1"]) in my


def test_form_errors_are_shown_and_nothing_is_saved(outsider, other_partner):
    client = client_for(outsider)
    response = client.post(
        reverse("tourism:operator_create"),
        {"name_ja": "", "name_en": "", "type": "accommodation", "website": "not a url"},
    )
    assert response.status_code == 200
    assert "website" in response.context["form"].errors
    response = client.post(
        reverse("tourism:operator_create"), {"name_ja": "", "name_en": "", "type": "accommodation"}
    )
    assert response.status_code == 200
    assert "Give the name in Japanese or in English." in response.content.decode()
    response = client.post(
        reverse("tourism:operator_create"),
        {"name_en": "Inn", "type": "accommodation", "partner": other_partner.pk},
    )
    assert "partner" in response.context["form"].errors
    assert not Operator.objects.exists()


def test_the_service_guards_the_partner_even_if_the_form_lets_it_through(
    outsider, other_partner, monkeypatch
):
    monkeypatch.setattr(
        "tsunagu.tourism.forms.operator_partner_choices", lambda user: Partner.objects.all()
    )
    response = client_for(outsider).post(
        reverse("tourism:operator_create"),
        {"name_en": "Inn", "type": "accommodation", "partner": other_partner.pk},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["partner"] == [
        "You can only link an approved partner you are a member of."
    ]
    assert not Operator.objects.exists()


def test_my_page_offers_registration_and_keeps_its_test_ids(operator, member, version):
    page = client_for(member).get(reverse("tourism:my")).content.decode()
    assert reverse("tourism:operator_create") in page
    assert 'data-testid="operator-asanogawa-inn"' in page
    assert 'data-testid="start"' in page


def test_anonymous_visitors_are_sent_to_log_in(operator):
    for url in (
        reverse("tourism:operator_create"),
        reverse("tourism:operator_edit", args=[operator.slug]),
        reverse("tourism:tour_product_list", args=[operator.slug]),
        reverse("tourism:tour_product_create", args=[operator.slug]),
    ):
        response = Client().get(url)
        assert response.status_code == 302
        assert "/login/" in response["Location"]


@pytest.fixture
def product(operator, member):
    return tour_product_create(operator=operator, by=member, title_ja="朝の散歩")


MANAGE_PAGES = ["operator_edit", "tour_product_list", "tour_product_create", "tour_product_edit"]


def _manage_url(name, operator, product) -> str:
    args = [operator.slug, product.pk] if name == "tour_product_edit" else [operator.slug]
    return reverse(f"tourism:{name}", args=args)


@pytest.mark.parametrize("name", MANAGE_PAGES)
@pytest.mark.parametrize(("role", "allowed"), [("member", True), ("staff", True), ("other", False)])
def test_only_members_and_staff_open_the_manage_pages(
    name, role, allowed, operator, product, member, staff, outsider
):
    user = {"member": member, "staff": staff, "other": outsider}[role]
    response = client_for(user).get(_manage_url(name, operator, product))
    assert response.status_code == (200 if allowed else 403)


def test_non_members_change_nothing_over_http(operator, product, outsider):
    client = client_for(outsider)
    posts = [
        (reverse("tourism:operator_edit", args=[operator.slug]), {"name_en": "Mine"}),
        (
            reverse("tourism:tour_product_create", args=[operator.slug]),
            {"title_ja": "私のツアー"},
        ),
        (
            reverse("tourism:tour_product_edit", args=[operator.slug, product.pk]),
            {"title_ja": "私のツアー"},
        ),
        (reverse("tourism:tour_product_delete", args=[operator.slug, product.pk]), {}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == 403
    operator.refresh_from_db()
    assert operator.name == "Asanogawa Inn"
    assert list(operator.products.values_list("title_ja", flat=True)) == ["朝の散歩"]


def test_a_tour_product_of_another_operator_is_not_found(operator, product, outsider):
    theirs = operator_create(by=outsider, name_en="Their Tours", type="tour_operator")
    client = client_for(outsider)
    url = reverse("tourism:tour_product_edit", args=[theirs.slug, product.pk])
    assert client.get(url).status_code == 404
    delete = reverse("tourism:tour_product_delete", args=[theirs.slug, product.pk])
    assert client.post(delete).status_code == 404
    assert TourProduct.objects.filter(pk=product.pk).exists()
    assert client.get(reverse("tourism:operator_edit", args=["no-such-operator"])).status_code == (
        404
    )


def test_members_edit_the_operator_over_http(operator, member):
    response = client_for(member).post(
        reverse("tourism:operator_edit", args=[operator.slug]),
        {"name_ja": "浅野川の宿", "name_en": "Asanogawa Inn", "type": "accommodation"},
    )
    assert response.status_code == 302
    operator.refresh_from_db()
    assert (operator.name_ja, operator.name_en, operator.slug) == (
        "浅野川の宿",
        "Asanogawa Inn",
        "asanogawa-inn",
    )


def test_members_add_edit_and_delete_tour_products_over_http(operator, member, other_partner):
    client = client_for(member)
    response = client.post(
        reverse("tourism:tour_product_create", args=[operator.slug]),
        {
            "title_ja": "朝の散歩",
            "itinerary_ja": "浅野川大橋 → 主計町",
            "duration_minutes": "90",
            "places": "浅野川, 主計町",
            "partners": [other_partner.pk],
            "price_yen": "2500",
            "languages": "ja, en",
        },
    )
    assert response.status_code == 302
    product = operator.products.get()
    assert (product.duration_minutes, product.price_yen) == (90, 2500)
    assert list(product.partners.all()) == [other_partner]
    edit = reverse("tourism:tour_product_edit", args=[operator.slug, product.pk])
    response = client.post(edit, {"title_ja": "朝の散歩", "duration_minutes": "-5"})
    assert response.status_code == 200
    assert "duration_minutes" in response.context["form"].errors
    response = client.post(edit, {"title_ja": "夕方の散歩", "duration_minutes": "60"})
    assert response.status_code == 302
    product.refresh_from_db()
    assert (product.title_ja, product.duration_minutes, product.partners.count()) == (
        "夕方の散歩",
        60,
        0,
    )
    response = client.post(reverse("tourism:tour_product_delete", args=[operator.slug, product.pk]))
    assert response.status_code == 302
    assert not operator.products.exists()
    assert client.get(
        reverse("tourism:tour_product_delete", args=[operator.slug, 1])
    ).status_code == (405)


def test_the_public_operator_page(version, operator, member, staff, assessor, product):
    application = in_panel(version, operator, member, staff, assessor)
    score_all(application, assessor)
    application_decide(application=application, by=staff, reasons={})
    certificate = application.certificate
    url = reverse("tourism:operator_detail", args=[operator.slug])
    page = Client().get(url)
    assert page.status_code == 200
    content = page.content.decode()
    assert certificate.number in content
    assert "朝の散歩" in content
    assert reverse("tourism:operator_edit", args=[operator.slug]) not in content
    assert reverse("tourism:operator_edit", args=[operator.slug]) in (
        client_for(member).get(url).content.decode()
    )
    assert url in Client().get(reverse("tourism:register")).content.decode()
    certificate_page = reverse("tourism:certificate_detail", args=[certificate.number])
    assert url in Client().get(certificate_page).content.decode()
    certificate_status_set(certificate=certificate, by=staff, status="suspended", reason="check")
    content = Client().get(url).content.decode()
    assert certificate.number not in content
    assert "This operator holds no current certificate." in content
    assert Client().get("/en/tourism/operators/no-such-operator/").status_code == 404


def test_the_public_page_links_the_operators_craft_experiences(operator):
    operator.workshop = Workshop.objects.create(slug="kutani-kiln", name="九谷窯")
    operator.save()
    page = Client().get(reverse("tourism:operator_detail", args=[operator.slug]))
    assert reverse("crafts:workshop_detail", args=["kutani-kiln"]) in page.content.decode()
    operator.workshop.is_published = False
    operator.workshop.save()
    page = Client().get(reverse("tourism:operator_detail", args=[operator.slug]))
    assert "kutani-kiln" not in page.content.decode()


def test_staff_manage_any_operator_over_http(operator, users):
    staff = users["city_staff"]
    assert staff.groups.filter(name=Role.CITY_STAFF.value).exists()
    response = client_for(staff).post(
        reverse("tourism:tour_product_create", args=[operator.slug]), {"title_en": "City walk"}
    )
    assert response.status_code == 302
    assert operator.products.get().title_en == "City walk"
