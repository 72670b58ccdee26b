"""Search results are served from the cache to anonymous visitors, and a change to what is
indexed (one partner saved, or the whole index rebuilt in bulk) shows at once."""

import pytest

from tsunagu.core.tests.cache_visits import visit_anonymously
from tsunagu.search.services import search_index_rebuild
from tsunagu.search.tests.test_search import make_partner

pytestmark = pytest.mark.django_db

PATHS = ["/en/search/?q=lacquer", "/api/v1/search?q=lacquer"]


@pytest.mark.parametrize("path", PATHS)
def test_the_second_anonymous_search_is_served_from_the_cache(committed, path):
    with committed():
        make_partner("wajima", "輪島塗工房", "Lacquer ware from Wajima")
    first, first_queries = visit_anonymously(path)
    again, again_queries = visit_anonymously(path)
    assert "wajima" in first
    assert again == first
    assert first_queries > 0
    assert again_queries == 0


@pytest.mark.parametrize("path", PATHS)
def test_a_new_partner_is_found_at_once(committed, path):
    with committed():
        make_partner("wajima", "輪島塗工房", "Lacquer ware from Wajima")
    visit_anonymously(path)
    with committed():
        make_partner("yamanaka", "山中漆器", "Lacquer turning in Yamanaka")
    assert "yamanaka" in visit_anonymously(path)[0]


@pytest.mark.parametrize("path", PATHS)
def test_a_rebuilt_index_shows_at_once(committed, path):
    """The rebuild writes with bulk_create, which sends no signal."""
    with committed():
        partner = make_partner("wajima", "輪島塗工房", "Lacquer ware from Wajima")
    visit_anonymously(path)
    partner.organisation.__class__.objects.filter(pk=partner.organisation_id).update(
        description_ja="Lacquer and gold from Wajima"
    )
    with committed():
        search_index_rebuild()
    assert "gold from Wajima" in visit_anonymously(path)[0]
