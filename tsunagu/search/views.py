from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from tsunagu.core.cache import cached_for_anonymous
from tsunagu.search.apps import CACHE_DOMAIN
from tsunagu.search.models import DocumentKind
from tsunagu.search.selectors import search


@cached_for_anonymous(CACHE_DOMAIN)
def search_page(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    kind = request.GET.get("kind") or None
    if kind not in DocumentKind.values:
        kind = None
    hits = search(query, kind=kind) if query else []
    return render(
        request,
        "search/search.html",
        {"query": query, "kind": kind, "kinds": DocumentKind.choices, "hits": hits},
    )
