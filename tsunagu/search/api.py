from ninja import Router, Schema
from ninja.decorators import decorate_view

from tsunagu.core.cache import cached_for_anonymous
from tsunagu.search.apps import CACHE_DOMAIN
from tsunagu.search.selectors import search

router = Router(tags=["search"])


class SearchHitOut(Schema):
    kind: str
    title: str
    url: str
    snippet: str


@router.get("/search", response=list[SearchHitOut])
@decorate_view(cached_for_anonymous(CACHE_DOMAIN))
def search_api(request, q: str, kind: str | None = None):
    """Search public partners, projects and events (Japanese and English; 1+ characters)."""
    return search(q[:200], kind=kind)
