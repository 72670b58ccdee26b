"""The observations API from outside: submit (session or token), read, identify."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tsunagu.accounts.models import ApiToken
from tsunagu.nature.models import Identification, Observation, QualityGrade
from tsunagu.nature.tests.factories import ObservationFactory, photo_upload, taxon_tree

API = "/api/v1/nature/observations"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def tree(db):
    return taxon_tree()


def test_anonymous_cannot_submit(client, tree):
    response = client.post(
        API, {"photos": [photo_upload()], "latitude": "36.5", "longitude": "136.6"}
    )
    assert response.status_code == 401
    assert not Observation.objects.exists()


def test_submit_with_session(client_as, tree):
    response = client_as("plain_user").post(
        API,
        {
            "photos": [photo_upload(), photo_upload(name="second.png", image_format="PNG")],
            "taxon_id": str(tree["species"].pk),
            "count": "3",
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    # Date and place came from the first photo's EXIF.
    assert body["latitude"] == pytest.approx(36.5781, abs=1e-4)
    assert body["observed_at"].startswith("2025-06-12T11:41:07")  # 20:41:07 in Japan
    assert body["coordinates_are_true"] is True
    assert len(body["photos"]) == 2
    assert body["identifications"][0]["taxon"]["id"] == tree["species"].pk
    assert body["quality_grade"] == QualityGrade.NEEDS_ID


def test_submit_with_bearer_token(users, tree):
    _, raw = ApiToken.objects.create_for(users["plain_user"], "script")
    # As a script sends it: no CSRF cookie (Django's test client skips the check unless asked).
    response = Client(enforce_csrf_checks=True).post(
        API,
        {"photos": [photo_upload()], "observed_at": "2025-06-01T21:00:00+09:00"},
        headers={"Authorization": f"Bearer {raw}"},
    )
    assert response.status_code == 201, response.content
    assert Observation.objects.get().observer == users["plain_user"]


def test_invalid_photo_gives_400_and_nothing_written(client_as, tree, media):
    response = client_as("plain_user").post(
        API,
        {"photos": [photo_upload(), photo_upload(name="x.jpg", image_format="PNG", size=(2, 2))]},
    )
    assert response.status_code == 201  # PNG content is fine whatever the name
    bad = SimpleUploadedFile("bad.webp", b"RIFF....WEBPnope", content_type="image/webp")
    before = {p for p in media.rglob("*") if p.is_file()}
    response = client_as("plain_user").post(
        API, {"photos": [photo_upload(), bad]}, headers={"accept-language": "en"}
    )
    assert response.status_code == 400
    assert "Photo 2 (bad.webp)" in response.json()["detail"]
    assert Observation.objects.count() == 1
    assert {p for p in media.rglob("*") if p.is_file()} == before


def test_list_and_detail(client, tree):
    observation = ObservationFactory(taxon=tree["species"])
    listing = client.get(API).json()
    assert listing["count"] == 1
    assert listing["results"][0]["uuid"] == str(observation.uuid)
    detail = client.get(f"{API}/{observation.uuid}").json()
    assert detail["coordinates_are_true"] is False
    assert detail["latitude"] == pytest.approx(36.5781)  # not sensitive: public = true
    assert client.get(f"{API}/not-a-uuid").status_code == 404
    assert client.get(f"{API}/00000000-0000-0000-0000-000000000000").status_code == 404


def test_identify(client_as, tree):
    observation = ObservationFactory(taxon=tree["species"])
    url = f"{API}/{observation.uuid}/identifications"
    assert (
        Client()
        .post(url, {"taxon_id": tree["species"].pk}, content_type="application/json")
        .status_code
        == 401
    )
    for role in ("plain_user", "partner_member"):
        response = client_as(role).post(
            url, {"taxon_id": tree["species"].pk, "comment": "ok"}, content_type="application/json"
        )
        assert response.status_code == 201, response.content
    observation.refresh_from_db()
    assert observation.quality_grade == QualityGrade.RESEARCH
    assert Identification.objects.filter(is_current=True).count() == 2
    bad = client_as("plain_user").post(url, {"taxon_id": 999999}, content_type="application/json")
    assert bad.status_code == 400
