"""Search results are served from the cache to anonymous visitors, and a change to what is
indexed (one partner saved, or the whole index rebuilt in bulk) shows at once."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tsunagu.search.services import search_index_rebuild
from tsunagu.search.tests.test_search import make_partner

pytestmark = pytest.mark.django_db

PATHS = ["/en/search/?q=lacquer", "/api/v1/search?q=lacquer"]


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    return lambda: django_capture_on_commit_callbacks(execute=True)


def _visit(path: str) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(path)
    assert response.status_code == 200, path
    return response.content.decode(), len(queries)


@pytest.mark.parametrize("path", PATHS)
def test_the_second_anonymous_search_is_served_from_the_cache(committed, path):
    with committed():
        make_partner("wajima", "輪島塗工房", "Lacquer ware from Wajima")
    first, first_queries = _visit(path)
    again, again_queries = _visit(path)
    assert "wajima" in first
    assert again == first
    assert first_queries > 0
    assert again_queries == 0


@pytest.mark.parametrize("path", PATHS)
def test_a_new_partner_is_found_at_once(committed, path):
    with committed():
        make_partner("wajima", "輪島塗工房", "Lacquer ware from Wajima")
    _visit(path)
    with committed():
        make_partner("yamanaka", "山中漆器", "Lacquer turning in Yamanaka")
    assert "yamanaka" in _visit(path)[0]


@pytest.mark.parametrize("path", PATHS)
def test_a_rebuilt_index_shows_at_once(committed, path):
    """The rebuild writes with bulk_create, which sends no signal."""
    with committed():
        partner = make_partner("wajima", "輪島塗工房", "Lacquer ware from Wajima")
    _visit(path)
    partner.organisation.__class__.objects.filter(pk=partner.organisation_id).update(
        description_ja="Lacquer and gold from Wajima"
    )
    with committed():
        search_index_rebuild()
    assert "gold from Wajima" in _visit(path)[0]
