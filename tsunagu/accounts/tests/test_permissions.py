"""The permission matrix, tested from the outside over HTTP, including every "may not"."""

import pytest
from django.urls import reverse

from tsunagu.accounts.roles import Role
from tsunagu.accounts.services import review_assign
from tsunagu.accounts.tests.factories import OrganisationFactory, UserFactory
from tsunagu.core.models import LocalTarget, PublicationStatus
from tsunagu.core.tests.factories import LocalTargetFactory

pytestmark = pytest.mark.django_db

ROLES = [None, "plain_user", "partner_member", "assessor", "city_staff", "administrator"]
LOGIN = "login"  # the response is a redirect to the login page


def outcome(response) -> int | str:
    if response.status_code == 302 and "/accounts/login/" in response["Location"]:
        return LOGIN
    return response.status_code


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (None, 200),
        ("plain_user", 200),
        ("partner_member", 200),
        ("assessor", 200),
        ("city_staff", 200),
        ("administrator", 200),
    ],
)
def test_published_local_target_is_public(client_as, role, expected):
    local_target = LocalTargetFactory(status=PublicationStatus.PUBLISHED)
    response = client_as(role).get(reverse("core:local_target_detail", args=[local_target.code]))
    assert outcome(response) == expected


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (None, 404),
        ("plain_user", 404),
        ("partner_member", 404),
        ("assessor", 404),
        ("city_staff", 200),
        ("administrator", 200),
    ],
)
def test_draft_local_target_is_seen_only_by_staff(client_as, role, expected):
    local_target = LocalTargetFactory(status=PublicationStatus.DRAFT)
    response = client_as(role).get(reverse("core:local_target_detail", args=[local_target.code]))
    assert outcome(response) == expected
    goal_page = client_as(role).get(reverse("core:goal_detail", args=[11]))
    assert (local_target.code in goal_page.content.decode()) == (expected == 200)


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (None, LOGIN),
        ("plain_user", 403),
        ("partner_member", 403),
        ("assessor", 403),
        ("city_staff", 302),
        ("administrator", 302),
    ],
)
def test_only_city_staff_create_local_targets(client_as, role, expected):
    data = {
        "target": "15.5",
        "number": 1,
        "title_ja": "ホタルの観察数を保つ",
        "title_en": "Keep the firefly count",
        "status": "published",
    }
    client = client_as(role)
    assert outcome(client.get(reverse("core:local_target_create"))) == (
        200 if expected == 302 else expected
    )
    response = client.post(reverse("core:local_target_create"), data)
    assert outcome(response) == expected
    assert LocalTarget.objects.filter(code="15.5.1").exists() == (expected == 302)


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (None, LOGIN),
        ("plain_user", 403),
        ("partner_member", 403),
        ("assessor", 403),
        ("city_staff", 302),
        ("administrator", 302),
    ],
)
def test_only_city_staff_edit_local_targets(client_as, role, expected):
    local_target = LocalTargetFactory(number=1, title_ja="元の題")
    response = client_as(role).post(
        reverse("core:local_target_edit", args=[local_target.code]),
        {
            "target": local_target.target.code,
            "number": 1,
            "title_ja": "変更した題",
            "status": "published",
        },
    )
    assert outcome(response) == expected
    local_target.refresh_from_db()
    assert (local_target.title_ja == "変更した題") == (expected == 302)


PROFILE = {
    "description_ja": "菊川の用水でホタルを守る",
    "description_en": "Fireflies",
    "website": "https://example.org",
    "goals": ["6", "15"],
}


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (None, LOGIN),
        ("plain_user", 403),
        ("partner_member", 302),
        ("assessor", 403),
        ("city_staff", 302),
        ("administrator", 302),
    ],
)
def test_own_organisation_is_edited_by_its_members_and_staff(
    client_as, organisation, role, expected
):
    url = reverse("accounts:organisation_edit", args=[organisation.slug])
    assert outcome(client_as(role).post(url, PROFILE)) == expected
    organisation.refresh_from_db()
    changed = organisation.description_ja == PROFILE["description_ja"]
    assert changed == (expected == 302)
    if changed:
        assert sorted(organisation.sdg_goals.values_list("number", flat=True)) == [6, 15]


def test_partner_member_may_not_edit_another_organisation(client_as, other_organisation):
    url = reverse("accounts:organisation_edit", args=[other_organisation.slug])
    assert client_as("partner_member").get(url).status_code == 403
    assert client_as("partner_member").post(url, PROFILE).status_code == 403
    other_organisation.refresh_from_db()
    assert not other_organisation.description_ja


def test_partner_member_may_not_publish_or_rename_its_organisation(client_as, organisation):
    organisation.status = PublicationStatus.DRAFT
    organisation.save()
    url = reverse("accounts:organisation_edit", args=[organisation.slug])
    response = client_as("partner_member").post(
        url, {**PROFILE, "status": "published", "name_ja": "乗っ取り"}
    )
    assert response.status_code == 302
    organisation.refresh_from_db()
    assert organisation.status == PublicationStatus.DRAFT
    assert organisation.name_ja != "乗っ取り"


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (None, 404),
        ("plain_user", 404),
        ("partner_member", 200),
        ("assessor", 404),
        ("city_staff", 200),
        ("administrator", 200),
    ],
)
def test_draft_organisation_is_seen_by_its_members_and_staff(
    client_as, organisation, role, expected
):
    organisation.status = PublicationStatus.DRAFT
    organisation.save()
    response = client_as(role).get(
        reverse("accounts:organisation_detail", args=[organisation.slug])
    )
    assert response.status_code == expected
    listing = client_as(role).get(reverse("accounts:organisation_list")).content.decode()
    assert (organisation.name_ja in listing) == (expected == 200)


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (None, LOGIN),
        ("plain_user", LOGIN),
        ("partner_member", LOGIN),
        ("assessor", LOGIN),
        ("city_staff", 200),
        ("administrator", 200),
    ],
)
def test_admin_site_is_for_staff_only(client_as, role, expected):
    response = client_as(role).get("/admin/")
    if response.status_code == 302 and "/admin/login/" in response["Location"]:
        response_outcome = LOGIN
    else:
        response_outcome = response.status_code
    assert response_outcome == expected


def test_city_staff_edit_content_but_not_accounts_in_the_admin(client_as):
    staff = client_as("city_staff")
    assert staff.get("/admin/core/localtarget/add/").status_code == 200
    assert staff.get("/admin/accounts/organisation/add/").status_code == 200
    assert staff.get("/admin/indicators/indicator/add/").status_code == 200
    assert staff.get("/admin/indicators/indicator/").status_code == 200
    assert staff.get("/admin/accounts/user/add/").status_code == 403
    assert staff.get("/admin/auth/group/").status_code == 403
    assert staff.get("/admin/core/goal/1/delete/").status_code == 403
    assert client_as("administrator").get("/admin/accounts/user/add/").status_code == 200


def test_assessor_sees_only_what_is_assigned_to_them(client_as, users, organisation):
    other_assessor = UserFactory(email="assessor2@example.org", roles=[Role.ASSESSOR])
    assignment = review_assign(
        reviewer=users["assessor"], obj=organisation, assigned_by=users["city_staff"]
    )
    detail = reverse("accounts:review_detail", args=[assignment.pk])

    assert client_as("assessor").get(detail).status_code == 200
    assert (
        organisation.name_ja
        in client_as("assessor").get(reverse("accounts:review_list")).content.decode()
    )
    assert client_as("city_staff").get(detail).status_code == 200

    from django.test import Client

    other = Client()
    other.force_login(other_assessor)
    assert other.get(detail).status_code == 404
    assert organisation.name_ja not in other.get(reverse("accounts:review_list")).content.decode()
    assert client_as("partner_member").get(detail).status_code == 404
    assert outcome(client_as(None).get(detail)) == LOGIN


def test_only_assessors_can_be_assigned_reviews(users, organisation):
    with pytest.raises(ValueError, match="not an assessor"):
        review_assign(reviewer=users["partner_member"], obj=organisation)


def test_inactive_users_lose_their_roles(client_as, users):
    staff = users["city_staff"]
    staff.is_active = False
    staff.save()
    response = client_as("city_staff").get(reverse("core:local_target_create"))
    assert outcome(response) == LOGIN


def test_login_with_email_and_password(client, users):
    response = client.post(
        reverse("accounts:login"),
        {"username": "staff@example.org", "password": "correct horse battery staple"},
    )
    assert response.status_code == 302
    assert client.get(reverse("core:local_target_create")).status_code == 200
    client.logout()
    bad = client.post(
        reverse("accounts:login"), {"username": "staff@example.org", "password": "wrong"}
    )
    assert bad.status_code == 200  # the form again, with an error
    assert client.get(reverse("core:local_target_create")).status_code == 302


def test_other_organisation_fixture_is_distinct(organisation, other_organisation):
    assert OrganisationFactory._meta.model.objects.count() == 2
    assert organisation.pk != other_organisation.pk
