from ninja import Router, Schema

from tsunagu.search.selectors import search

router = Router(tags=["search"])


class SearchHitOut(Schema):
    kind: str
    title: str
    url: str
    snippet: str


@router.get("/search", response=list[SearchHitOut])
def search_api(request, q: str, kind: str | None = None):
    """Search public partners, projects and events (Japanese and English; 1+ characters)."""
    return search(q[:200], kind=kind)
