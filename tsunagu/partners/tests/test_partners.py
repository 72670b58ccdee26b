"""The partner registry over HTTP: application → review → member edits, and every "may not"."""

import pytest
from django.core import mail
from django.urls import reverse

from tsunagu.accounts.models import Membership, Organisation, User
from tsunagu.core.models import PublicationStatus
from tsunagu.partners.models import Partner, PartnerStatus

pytestmark = pytest.mark.django_db

APPLICATION = {
    "name_ja": "菊川ホタルの会",
    "name_en": "Kikugawa Firefly Club",
    "kind": "citizens",
    "description_ja": "鞍月用水のホタルを見守る市民の会",
    "goals": ["6", "15"],
    "offers": "ホタル調査のボランティア",
    "needs": "水質調査の専門家",
    "contact_name": "金沢 花子",
    "contact_email": "Hanako@example.org",
    "accept_terms": "on",
    "accept_privacy": "on",
}


def apply(client) -> Partner:
    response = client.post(reverse("partners:partner_apply"), APPLICATION)
    assert response.status_code == 200
    return Partner.objects.get(organisation__name_ja="菊川ホタルの会")


@pytest.fixture
def own_partner(organisation):
    return Partner.objects.create(
        organisation=organisation,
        status=PartnerStatus.ACTIVE,
        contact_name="担当",
        contact_email="npo@example.org",
    )


@pytest.fixture
def other_partner(other_organisation):
    return Partner.objects.create(
        organisation=other_organisation,
        status=PartnerStatus.ACTIVE,
        contact_name="他",
        contact_email="other@example.org",
    )


def test_application_needs_consent_and_writes_nothing_without_it(client):
    data = {k: v for k, v in APPLICATION.items() if k != "accept_privacy"}
    response = client.post(reverse("partners:partner_apply"), data)
    assert response.status_code == 200
    assert "accept_privacy" in response.context["form"].errors
    assert not Partner.objects.exists()
    assert not Organisation.objects.filter(name_ja="菊川ホタルの会").exists()


def test_application_to_approval_to_member_editing(
    client, client_as, users, django_capture_on_commit_callbacks
):
    partner = apply(client)
    assert partner.status == PartnerStatus.APPLIED
    assert not partner.is_published
    detail = reverse("partners:partner_detail", args=[partner.organisation.slug])
    assert client.get(detail).status_code == 404  # not public before approval
    assert "菊川ホタルの会" not in client.get(reverse("partners:partner_list")).content.decode()

    staff = client_as("city_staff")
    assert "菊川ホタルの会" in staff.get(reverse("partners:review_queue")).content.decode()
    review = reverse("partners:partner_review", args=[partner.organisation.slug])
    with django_capture_on_commit_callbacks(execute=True):
        assert staff.post(review, {"decision": "approve"}).status_code == 302

    partner.refresh_from_db()
    assert partner.status == PartnerStatus.APPROVED
    assert partner.registered_on is not None
    assert partner.organisation.status == PublicationStatus.PUBLISHED
    member = User.objects.get(email="hanako@example.org")
    assert Membership.objects.filter(user=member, organisation=partner.organisation).exists()
    subjects = [m.subject for m in mail.outbox]
    assert any("IMAGINE KANAZAWA 2030" in s for s in subjects)
    reset = next(m for m in mail.outbox if "/accounts/reset/" in m.body)
    assert reset.to == ["hanako@example.org"]
    link = next(w for w in reset.body.split() if "/accounts/reset/" in w)
    path = link.split("://", 1)[-1].split("/", 1)[1]
    followed = client.get("/" + path, follow=True)
    assert followed.status_code == 200
    assert "new_password1" in followed.content.decode()  # the member chooses a password

    assert client.get(detail).status_code == 200
    client.force_login(member)
    edit = reverse("partners:partner_edit", args=[partner.organisation.slug])
    response = client.post(
        edit,
        {
            "description_ja": "更新した紹介",
            "goals": ["6"],
            "offers": "観察会",
            "needs": "",
            "tags": "ホタル",
        },
    )
    assert response.status_code == 302
    partner.refresh_from_db()
    assert partner.organisation.description_ja == "更新した紹介"
    assert partner.offers == "観察会"


def test_rejection_needs_a_reason_and_tells_the_applicant(
    client, client_as, django_capture_on_commit_callbacks
):
    partner = apply(client)
    review = reverse("partners:partner_review", args=[partner.organisation.slug])
    staff = client_as("city_staff")
    response = staff.post(review, {"decision": "reject", "reason": ""})
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(review, {"decision": "reject", "reason": "活動地域が市外のため"})
    partner.refresh_from_db()
    assert partner.status == PartnerStatus.REJECTED
    assert partner.rejection_reason == "活動地域が市外のため"
    assert any("活動地域が市外のため" in m.body for m in mail.outbox)
    # a decided application cannot be decided again
    staff.post(review, {"decision": "approve"})
    partner.refresh_from_db()
    assert partner.status == PartnerStatus.REJECTED


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (None, "login"),
        ("plain_user", 403),
        ("partner_member", 403),
        ("assessor", 403),
        ("city_staff", 200),
        ("administrator", 200),
    ],
)
def test_only_staff_review_applications(client, client_as, role, expected):
    partner = apply(client)
    for url in [
        reverse("partners:review_queue"),
        reverse("partners:partner_review", args=[partner.organisation.slug]),
    ]:
        response = client_as(role).get(url)
        if expected == "login":
            assert response.status_code == 302
            assert "/accounts/login/" in response["Location"]
        else:
            assert response.status_code == expected
    if expected != 200:
        client_as(role).post(
            reverse("partners:partner_review", args=[partner.organisation.slug]),
            {"decision": "approve"},
        )
        partner.refresh_from_db()
        assert partner.status == PartnerStatus.APPLIED


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (None, "login"),
        ("plain_user", 403),
        ("partner_member", 302),
        ("assessor", 403),
        ("city_staff", 302),
        ("administrator", 302),
    ],
)
def test_partner_profile_is_edited_by_its_members_and_staff(client_as, own_partner, role, expected):
    url = reverse("partners:partner_edit", args=[own_partner.organisation.slug])
    response = client_as(role).post(url, {"description_ja": "新しい紹介", "offers": "x"})
    if expected == "login":
        assert "/accounts/login/" in response["Location"]
    else:
        assert response.status_code == expected
    own_partner.refresh_from_db()
    assert (own_partner.offers == "x") == (expected == 302)


def test_member_of_a_may_not_edit_b(client_as, own_partner, other_partner):
    url = reverse("partners:partner_edit", args=[other_partner.organisation.slug])
    assert client_as("partner_member").post(url, {"offers": "hijack"}).status_code == 403
    other_partner.refresh_from_db()
    assert other_partner.offers == ""


def test_contact_details_are_for_staff_only(client_as, own_partner):
    url = reverse("partners:partner_detail", args=[own_partner.organisation.slug])
    for role in [None, "plain_user", "partner_member", "assessor"]:
        assert "npo@example.org" not in client_as(role).get(url).content.decode()
    assert "npo@example.org" in client_as("city_staff").get(url).content.decode()


def test_directory_filters_by_goal_and_type(client, own_partner, other_partner):
    from tsunagu.core.models import Goal
    from tsunagu.core.services import sdg_relations_set

    sdg_relations_set(own_partner.organisation, goals=Goal.objects.filter(number=15))
    page = client.get(reverse("partners:partner_list"), {"goal": "15"}).content.decode()
    assert own_partner.organisation.name_ja in page
    assert other_partner.organisation.name_ja not in page
