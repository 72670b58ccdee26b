"""The home page and the city profile are served from the cache to anonymous visitors, and an
edit of the city's profile or facts shows at once."""

import pytest
from django.conf import settings

from tsunagu.core.models import Area, CityFact, CityProfile
from tsunagu.core.tests.cache_visits import visit_anonymously

pytestmark = pytest.mark.django_db


@pytest.fixture
def profile(db) -> CityProfile:
    city = Area.objects.create(
        code=settings.TSUNAGU_CITY_CODE, kind="municipality", name="Kanazawa"
    )
    return CityProfile.objects.create(area=city, tagline_en="Crafts and gardens", summary="…")


@pytest.mark.parametrize("path", ["/en/", "/en/city/"])
def test_the_second_anonymous_visit_is_served_from_the_cache(profile, path):
    first, first_queries = visit_anonymously(path)
    again, again_queries = visit_anonymously(path)
    assert again == first
    assert first_queries > 0
    assert again_queries == 0


@pytest.mark.parametrize("path", ["/en/", "/en/city/"])
def test_an_edited_tagline_shows_at_once(profile, committed, path):
    assert "Crafts and gardens" in visit_anonymously(path)[0]
    with committed():
        profile.tagline_en = "Crafts, gardens and fireflies"
        profile.save()
    assert "Crafts, gardens and fireflies" in visit_anonymously(path)[0]


def test_a_new_fact_shows_on_the_city_profile_at_once(profile, committed):
    visit_anonymously("/en/city/")
    with committed():
        CityFact.objects.create(
            profile=profile, label="Gold leaf share", value="99%", source="METI", year=2022
        )
    assert "Gold leaf share" in visit_anonymously("/en/city/")[0]


def test_a_signed_in_visitor_is_not_served_the_anonymous_copy(profile, client_as):
    visit_anonymously("/en/")
    page = client_as("plain_user").get("/en/").content.decode()
    assert "Log out" in page
