"""A page cached for anonymous visitors never carries one visitor's things to another: their
pending messages, their CSRF token, a cookie or session content set for them."""

import pytest
from django.contrib import messages
from django.contrib.messages.storage.cookie import CookieStorage
from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.test import Client, RequestFactory
from django.urls import path

from tsunagu.core.cache import cached_for_anonymous
from tsunagu.indicators.caching import cached_by_scores
from tsunagu.indicators.tests.test_scoring_service import scored  # noqa: F401 (fixture)

CSRF_FORM = engines["django"].from_string(
    '<form method="post">{% csrf_token %}<button>Register</button></form>'
)


def _form_page(request: HttpRequest) -> HttpResponse:
    return HttpResponse(CSRF_FORM.render(request=request))


def _remembering_page(request: HttpRequest) -> HttpResponse:
    request.session["last_seen"] = request.GET.get("item", "")
    return HttpResponse(f"you looked at {request.session['last_seen']}")


def _cookie_page(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(f"visitor {request.GET.get('visitor', '')}")
    response.set_cookie("visitor", request.GET.get("visitor", ""))
    return response


# A URLconf for these tests only (the site's own has no such pages).
urlpatterns = [
    path("by-domain/form/", cached_for_anonymous("test")(_form_page)),
    path("by-scores/form/", cached_by_scores(_form_page)),
    path("by-domain/remember/", cached_for_anonymous("test")(_remembering_page)),
    path("by-domain/cookie/", cached_for_anonymous("test")(_cookie_page)),
]


def _with_pending_message(text: str) -> Client:
    """A visitor whose browser carries a message queued by their previous request."""
    storage = CookieStorage(RequestFactory().get("/"))
    storage.add(messages.SUCCESS, text)
    response = HttpResponse()
    storage.update(response)
    client = Client()
    client.cookies["messages"] = response.cookies["messages"].value
    return client


@pytest.mark.django_db
def test_a_pending_message_is_shown_to_its_visitor_and_to_nobody_else(scored):  # noqa: F811
    page = "/en/indicators/"
    notice = "Your booking 4711 is confirmed"

    visitor = _with_pending_message(notice)
    assert notice in visitor.get(page).content.decode()
    assert notice not in Client().get(page).content.decode()

    # Now the page is in the cache; a visitor with a message still gets to read it.
    other = _with_pending_message("Thank you, Hanako")
    assert "Thank you, Hanako" in other.get(page).content.decode()
    assert "Thank you, Hanako" not in Client().get(page).content.decode()


@pytest.mark.urls(__name__)
@pytest.mark.django_db
@pytest.mark.parametrize("page", ["/by-domain/form/", "/by-scores/form/"])
def test_a_page_with_a_csrf_token_is_never_served_to_another_visitor(page):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_page = first.get(page).content.decode()
    second_page = second.get(page).content.decode()
    assert second_page != first_page  # each carries its own (masked) token
    # The second visitor's form is one they can actually send.
    assert "csrftoken" in second.cookies
    token = second_page.split('value="')[1].split('"')[0]
    assert second.post(page, {"csrfmiddlewaretoken": token}).status_code != 403


@pytest.mark.urls(__name__)
@pytest.mark.django_db
def test_a_page_that_wrote_the_visitors_session_is_not_cached():
    Client().get("/by-domain/remember/?item=x")
    # Same address, same page, but the second visitor's session must be written too.
    second = Client()
    second.get("/by-domain/remember/?item=x")
    assert second.session.get("last_seen") == "x"


@pytest.mark.urls(__name__)
@pytest.mark.django_db
def test_a_page_that_sets_a_cookie_is_not_cached():
    Client().get("/by-domain/cookie/?visitor=a")
    again = Client()
    response = again.get("/by-domain/cookie/?visitor=a")
    assert response.cookies["visitor"].value == "a"
