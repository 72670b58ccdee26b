"""Taxon pages: search and browse the tree, and one page per taxon."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from tsunagu.biocultural.apps import CACHE_DOMAIN as BIOCULTURAL_CACHE_DOMAIN
from tsunagu.core.cache import cached_for_anonymous
from tsunagu.nature.caching import CACHE_DOMAIN, TAXA_CACHE_DOMAIN
from tsunagu.nature.models import Taxon, TaxonRank
from tsunagu.nature.selectors import taxa as selectors

PAGE_SIZE = 50
SEARCH_LIMIT = 50


@cached_for_anonymous(TAXA_CACHE_DOMAIN)
def taxon_list(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    rank = request.GET.get("rank", "")
    if rank not in TaxonRank.values:
        rank = ""
    if query:
        results, page = selectors.taxon_search(query, limit=SEARCH_LIMIT), None
    else:
        page = Paginator(selectors.taxon_list(rank=rank), PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        results = page.object_list
    return render(
        request,
        "nature/taxa/taxon_list.html",
        {
            "query": query,
            "rank": rank,
            "ranks": TaxonRank.choices,
            "results": results,
            "page": page,
        },
    )


@cached_for_anonymous(CACHE_DOMAIN, BIOCULTURAL_CACHE_DOMAIN)
def taxon_detail(request: HttpRequest, pk: int) -> HttpResponse:
    from tsunagu.biocultural.selectors import taxon_links  # biocultural builds on nature

    taxon = get_object_or_404(Taxon, pk=pk)
    return render(
        request,
        "nature/taxa/taxon_detail.html",
        {
            "taxon": taxon,
            "ancestors": selectors.taxon_ancestors(taxon),
            "children": taxon.children.order_by("scientific_name"),
            "research_grade_count": selectors.taxon_research_grade_count(taxon),
            "links": taxon_links(taxon),
        },
    )
