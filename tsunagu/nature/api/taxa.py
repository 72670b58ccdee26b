"""Taxon autocomplete for the observation and identification forms."""

from django.http import HttpRequest
from ninja import Router, Schema
from ninja.decorators import decorate_view

from tsunagu.core.cache import cached_for_anonymous
from tsunagu.nature.caching import TAXA_CACHE_DOMAIN
from tsunagu.nature.selectors.taxa import taxon_label, taxon_search

router = Router(tags=["nature"])
MAX_LIMIT = 30


class TaxonSuggestion(Schema):
    id: int
    scientific_name: str
    common_name: str
    rank: str
    label: str


@router.get("/taxa/autocomplete", response=list[TaxonSuggestion])
@decorate_view(cached_for_anonymous(TAXA_CACHE_DOMAIN))
def taxa_autocomplete(request: HttpRequest, q: str = "", limit: int = 10) -> list[dict]:
    """Taxa whose Japanese, English, scientific or other vernacular name matches `q`
    (hiragana and katakana alike), exact and prefix matches first."""
    return [
        {
            "id": taxon.pk,
            "scientific_name": taxon.scientific_name,
            "common_name": taxon.common_name or "",
            "rank": taxon.rank,
            "label": taxon_label(taxon),
        }
        for taxon in taxon_search(q[:100], limit=max(1, min(limit, MAX_LIMIT)))
    ]
