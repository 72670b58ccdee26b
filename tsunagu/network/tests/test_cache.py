"""The network's pages and API are served from the cache to anonymous visitors, and a change
to a city shows on the next visit."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tsunagu.network.models import CreativeCity

pytestmark = pytest.mark.django_db


def _visit(path: str) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(path)
    assert response.status_code == 200, path
    return response.content.decode(), len(queries)


@pytest.mark.parametrize(
    "path", ["/en/network/", "/en/network/cities/icheon/", "/api/v1/network/cities"]
)
def test_the_second_anonymous_visit_is_served_from_the_cache(network, path):
    first, first_queries = _visit(path)
    again, again_queries = _visit(path)
    assert again == first
    assert first_queries > 0
    assert again_queries == 0


@pytest.mark.parametrize(
    "path", ["/en/network/", "/en/network/cities/icheon/", "/api/v1/network/cities"]
)
def test_a_renamed_city_shows_at_once(network, path, django_capture_on_commit_callbacks):
    assert "Icheon" in _visit(path)[0]
    with django_capture_on_commit_callbacks(execute=True):
        city = CreativeCity.objects.get(slug="icheon")
        city.name_en = "Icheon-si"
        city.save()
    assert "Icheon-si" in _visit(path)[0]
