"""The server-error handler: database outages answer 503 with Retry-After, other errors 500."""

import json

import pytest
from django.db import InterfaceError, OperationalError
from django.test import RequestFactory
from django.utils import translation

from tsunagu.core.errors import server_error


def _handle(error: Exception, path: str):
    # In a real request LocaleMiddleware has activated the page's language (English here).
    with translation.override("en"):
        try:
            raise error
        except Exception:  # the handler reads the exception being handled
            return server_error(RequestFactory().get(path))


@pytest.mark.parametrize("error", [OperationalError("connection refused"), InterfaceError()])
def test_a_lost_database_is_a_503_page_without_details(error):
    response = _handle(error, "/en/partners/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    text = response.content.decode()
    assert "temporarily unavailable" in text
    assert "connection refused" not in text


def test_the_api_gets_json():
    response = _handle(OperationalError("server closed the connection"), "/api/v1/partners")
    assert response.status_code == 503
    assert json.loads(response.content) == {
        "detail": "The service is temporarily unavailable. Please try again in a minute."
    }


def test_other_errors_stay_500():
    assert _handle(ValueError("bug"), "/en/").status_code == 500
