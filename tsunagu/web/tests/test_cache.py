"""The home page and the city profile are served from the cache to anonymous visitors, and an
edit of the city's profile or facts shows at once."""

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tsunagu.core.models import Area, CityFact, CityProfile

pytestmark = pytest.mark.django_db


@pytest.fixture
def profile(db) -> CityProfile:
    city = Area.objects.create(
        code=settings.TSUNAGU_CITY_CODE, kind="municipality", name="Kanazawa"
    )
    return CityProfile.objects.create(area=city, tagline_en="Crafts and gardens", summary="…")


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _visit(path: str) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(path)
    assert response.status_code == 200, path
    return response.content.decode(), len(queries)


@pytest.mark.parametrize("path", ["/en/", "/en/city/"])
def test_the_second_anonymous_visit_is_served_from_the_cache(profile, path):
    first, first_queries = _visit(path)
    again, again_queries = _visit(path)
    assert again == first
    assert first_queries > 0
    assert again_queries == 0


@pytest.mark.parametrize("path", ["/en/", "/en/city/"])
def test_an_edited_tagline_shows_at_once(profile, committed, path):
    assert "Crafts and gardens" in _visit(path)[0]
    with committed():
        profile.tagline_en = "Crafts, gardens and fireflies"
        profile.save()
    assert "Crafts, gardens and fireflies" in _visit(path)[0]


def test_a_new_fact_shows_on_the_city_profile_at_once(profile, committed):
    _visit("/en/city/")
    with committed():
        CityFact.objects.create(
            profile=profile, label="Gold leaf share", value="99%", source="METI", year=2022
        )
    assert "Gold leaf share" in _visit("/en/city/")[0]


def test_a_signed_in_visitor_is_not_served_the_anonymous_copy(profile, client_as):
    _visit("/en/")
    page = client_as("plain_user").get("/en/").content.decode()
    assert "Log out" in page
