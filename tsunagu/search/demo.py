"""Index the demo content (the loaders above may have written in bulk)."""

from tsunagu.search.services import search_index_rebuild


def load() -> None:
    search_index_rebuild()
