"""What the cache tests of every app do: visit a page as a new anonymous visitor."""

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def visit_anonymously(path: str) -> tuple[str, int]:
    """The page's text and the number of queries it took (0 when served from the cache)."""
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(path)
    assert response.status_code == 200, path
    return response.content.decode(), len(queries)
