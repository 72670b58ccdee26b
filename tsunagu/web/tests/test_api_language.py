"""API and admin answers follow Accept-Language; pages follow their URL prefix."""

import pytest
from django.test import Client

URL = "/api/v1/nature/map/clusters"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("accept", "expected"),
    [("en", "bbox is required"), ("ja", "bboxは必須です"), ("", "bboxは必須です")],
)
def test_api_errors_follow_accept_language(accept, expected):
    headers = {"accept-language": accept} if accept else {}
    response = Client().get(URL, {"zoom": "10"}, headers=headers)
    assert response.status_code == 422
    assert expected in response.json()["detail"]


@pytest.mark.django_db
def test_pages_keep_their_prefix_language_whatever_the_browser_says():
    page = Client().get("/", headers={"accept-language": "en"}).content.decode()
    assert "本文へスキップ" in page
