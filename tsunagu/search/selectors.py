"""Japanese-aware search: trigram index for terms of 3+ characters, substring scan below."""

from dataclasses import dataclass

from django.db import connection
from django.db.models import QuerySet
from django.urls import reverse
from django.utils.translation import get_language

from tsunagu.search.documents import normalise
from tsunagu.search.models import SearchDocument

TRIGRAM = 3
MAX_TERMS = 8


@dataclass(frozen=True)
class SearchHit:
    kind: str
    title: str
    url: str
    snippet: str


def search_terms(query: str) -> list[str]:
    """'  金沢　ＳＤＧｓ  cafe ' -> ['金沢', 'sdgs', 'cafe'] (NFKC turns the ideographic space)."""
    return list(dict.fromkeys(normalise(query).split()))[:MAX_TERMS]


def _trigram_ids(terms: list[str]) -> list[int] | None:
    """Ids matching all long terms, best first; None when no term is long enough."""
    long_terms = [t for t in terms if len(t) >= TRIGRAM]
    if not long_terms:
        return None
    if connection.vendor == "sqlite":
        # Each term as an FTS5 phrase: quotes inside are doubled, so user input stays data.
        match = " AND ".join('"{}"'.format(t.replace('"', '""')) for t in long_terms)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid FROM search_fts WHERE search_fts MATCH %s ORDER BY rank", [match]
            )
            return [row[0] for row in cursor.fetchall()]
    # PostgreSQL: LIKE with a GIN pg_trgm index; ranked by trigram word similarity.
    where = " AND ".join(["body LIKE %s"] * len(long_terms))
    like = [
        "%" + t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        for t in long_terms
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT id FROM search_searchdocument WHERE {where} "  # noqa: S608 (placeholders only)
            "ORDER BY word_similarity(%s, body) DESC, id",
            [*like, " ".join(long_terms)],
        )
        return [row[0] for row in cursor.fetchall()]


def search_documents(query: str, *, kind: str | None = None) -> QuerySet[SearchDocument] | list:
    terms = search_terms(query)
    if not terms:
        return []
    documents = SearchDocument.objects.all()
    if kind:
        documents = documents.filter(kind=kind)
    for short in (t for t in terms if len(t) < TRIGRAM):
        documents = documents.filter(body__contains=short)
    ids = _trigram_ids(terms)
    if ids is None:
        return list(documents.order_by("kind", "title_ja"))
    order = {pk: position for position, pk in enumerate(ids)}
    return sorted(documents.filter(pk__in=ids), key=lambda d: order[d.pk])


def search(query: str, *, kind: str | None = None, limit: int = 50) -> list[SearchHit]:
    english = get_language() == "en"
    return [
        SearchHit(
            kind=d.kind,
            title=(d.title_en if english and d.title_en else d.title_ja),
            url=reverse(d.url_name, args=[d.url_arg]),
            snippet=(d.summary_en if english and d.summary_en else d.summary_ja),
        )
        for d in search_documents(query, kind=kind)[:limit]
    ]
