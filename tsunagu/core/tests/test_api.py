import pytest
from django.utils import timezone

from tsunagu.accounts.services import api_token_create
from tsunagu.core.models import Area, AreaKind, PublicationStatus
from tsunagu.core.tests.factories import LocalTargetFactory

pytestmark = pytest.mark.django_db


def test_goals_and_targets_in_both_languages(client):
    goals = client.get("/api/v1/goals").json()
    assert len(goals) == 17
    assert goals[13] | {} == {
        "number": 14,
        "short_title_ja": goals[13]["short_title_ja"],
        "short_title_en": "Life below water",
        "title_ja": goals[13]["title_ja"],
        "title_en": goals[13]["title_en"],
        "colour": "#0A97D9",
    }
    targets = client.get("/api/v1/targets", {"goal": 6}).json()
    assert [t["code"] for t in targets] == ["6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "6.a", "6.b"]
    assert client.get("/api/v1/goals/18").status_code == 404


def test_local_targets_hide_drafts_from_the_public(client, users):
    LocalTargetFactory(number=1, status=PublicationStatus.PUBLISHED)
    LocalTargetFactory(number=2, status=PublicationStatus.DRAFT)
    public = client.get("/api/v1/local-targets").json()
    assert [lt["code"] for lt in public] == ["11.4.1"]
    assert public[0]["target"] == "11.4"
    assert public[0]["goal"] == 11

    _, secret = api_token_create(user=users["city_staff"], name="script")
    staff = client.get("/api/v1/local-targets", HTTP_AUTHORIZATION=f"Bearer {secret}").json()
    assert [lt["code"] for lt in staff] == ["11.4.1", "11.4.2"]

    _, partner_secret = api_token_create(user=users["partner_member"], name="script")
    partner = client.get(
        "/api/v1/local-targets", HTTP_AUTHORIZATION=f"Bearer {partner_secret}"
    ).json()
    assert [lt["code"] for lt in partner] == ["11.4.1"]


def test_session_auth_works_for_the_browser(client_as):
    LocalTargetFactory(number=1, status=PublicationStatus.DRAFT)
    assert len(client_as("city_staff").get("/api/v1/local-targets").json()) == 1
    assert client_as(None).get("/api/v1/local-targets").json() == []


def test_me_needs_a_session_or_a_valid_token(client, users):
    assert client.get("/api/v1/accounts/me").status_code == 401
    token, secret = api_token_create(user=users["partner_member"], name="script")
    response = client.get("/api/v1/accounts/me", HTTP_AUTHORIZATION=f"Bearer {secret}")
    assert response.status_code == 200
    assert response.json()["roles"] == ["partner_member"]
    assert (
        client.get("/api/v1/accounts/me", HTTP_AUTHORIZATION="Bearer not-a-token").status_code
        == 401
    )
    token.revoked_at = timezone.now()
    token.save()
    assert (
        client.get("/api/v1/accounts/me", HTTP_AUTHORIZATION=f"Bearer {secret}").status_code == 401
    )


def test_token_is_stored_only_as_a_hash(users):
    token, secret = api_token_create(user=users["assessor"], name="script")
    assert secret not in (token.key_hash, token.prefix)
    assert token.prefix == secret[:8]


def test_areas_accept_every_code_form(client):
    japan = Area.objects.create(code="JP", kind=AreaKind.COUNTRY, name_ja="日本", name_en="Japan")
    ishikawa = Area.objects.create(
        code="17000", kind=AreaKind.PREFECTURE, parent=japan, name_ja="石川県", name_en="Ishikawa"
    )
    Area.objects.create(
        code="17201",
        kind=AreaKind.MUNICIPALITY,
        parent=ishikawa,
        name_ja="金沢市",
        name_en="Kanazawa",
        centroid_lat=36.52,
        centroid_lon=136.65,
    )
    for code in ["17201", "172014", "R17201"]:
        body = client.get(f"/api/v1/areas/{code}").json()
        assert body["code"] == "17201"
        assert body["parent"] == "17000"
        assert body["name_en"] == "Kanazawa"
    assert client.get("/api/v1/areas/172015").status_code == 404
    listed = client.get("/api/v1/areas", {"kind": "municipality", "parent": "17000"}).json()
    assert [a["code"] for a in listed] == ["17201"]


def test_openapi_document_and_interactive_docs(client):
    schema = client.get("/api/v1/openapi.json").json()
    paths = schema["paths"]
    for path in [
        "/api/v1/goals",
        "/api/v1/targets",
        "/api/v1/local-targets",
        "/api/v1/areas",
        "/api/v1/areas/{code}",
        "/api/v1/accounts/me",
    ]:
        assert path in paths
    assert "TokenAuth" in str(schema["components"]["securitySchemes"])
    docs = client.get("/api/v1/docs")
    assert docs.status_code == 200
    assert b"openapi.json" in docs.content
