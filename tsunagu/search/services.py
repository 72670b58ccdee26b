"""Keep the search index in step with partners, projects and events."""

from django.db import transaction

from tsunagu.core.cache import cache_model_changed
from tsunagu.search.documents import BUILDERS, Document
from tsunagu.search.models import DocumentKind, SearchDocument


def _store(kind: str, object_id: int, document: Document | None) -> None:
    if document is None:
        SearchDocument.objects.filter(kind=kind, object_id=object_id).delete()
        return
    SearchDocument.objects.update_or_create(
        kind=kind,
        object_id=object_id,
        defaults={
            "title_ja": document.title_ja[:300],
            "title_en": document.title_en[:300],
            "url_name": document.url_name,
            "url_arg": document.url_arg,
            "body": document.body,
            "summary_ja": document.summary_ja,
            "summary_en": document.summary_en,
        },
    )


def search_document_refresh(*, kind: str, object_ids) -> None:
    """Re-read these objects and index the public ones (drop the rest)."""
    queryset, build = BUILDERS[DocumentKind(kind)]
    found = {obj.pk: obj for obj in queryset.filter(pk__in=list(object_ids))}
    for object_id in object_ids:
        obj = found.get(object_id)
        _store(kind, object_id, build(obj) if obj is not None else None)


@transaction.atomic
def search_index_rebuild() -> int:
    """Index everything again from scratch; returns the number of documents."""
    SearchDocument.objects.all().delete()
    documents = []
    for queryset, build in BUILDERS.values():
        documents += [d for d in map(build, queryset.iterator(chunk_size=500)) if d is not None]
    SearchDocument.objects.bulk_create(
        SearchDocument(
            kind=d.kind,
            object_id=d.object_id,
            title_ja=d.title_ja[:300],
            title_en=d.title_en[:300],
            url_name=d.url_name,
            url_arg=d.url_arg,
            body=d.body,
            summary_ja=d.summary_ja,
            summary_en=d.summary_en,
        )
        for d in documents
    )
    cache_model_changed(SearchDocument)  # bulk_create sends no signal
    return len(documents)
