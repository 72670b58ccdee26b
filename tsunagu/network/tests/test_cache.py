"""The network's pages and API are served from the cache to anonymous visitors, and a change
to a city shows on the next visit."""

import pytest

from tsunagu.core.tests.cache_visits import visit_anonymously
from tsunagu.network.models import CreativeCity

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path", ["/en/network/", "/en/network/cities/icheon/", "/api/v1/network/cities"]
)
def test_the_second_anonymous_visit_is_served_from_the_cache(network, path):
    first, first_queries = visit_anonymously(path)
    again, again_queries = visit_anonymously(path)
    assert again == first
    assert first_queries > 0
    assert again_queries == 0


@pytest.mark.parametrize(
    "path", ["/en/network/", "/en/network/cities/icheon/", "/api/v1/network/cities"]
)
def test_a_renamed_city_shows_at_once(network, path, django_capture_on_commit_callbacks):
    assert "Icheon" in visit_anonymously(path)[0]
    with django_capture_on_commit_callbacks(execute=True):
        city = CreativeCity.objects.get(slug="icheon")
        city.name_en = "Icheon-si"
        city.save()
    assert "Icheon-si" in visit_anonymously(path)[0]
