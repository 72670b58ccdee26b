"""API authentication: the browser's session, or `Authorization: Bearer <token>` for scripts."""

from django.http import HttpRequest
from ninja.security import HttpBearer, django_auth

from tsunagu.accounts.models import ApiToken


class TokenAuth(HttpBearer):
    openapi_description = "API token (create one with `tsunagu api_token_create`)."

    def authenticate(self, request: HttpRequest, token: str):
        user = ApiToken.objects.user_for(token)
        if user is not None:
            request.user = user
        return user


# The token first: the session check enforces CSRF and refuses the request outright, so a
# script's POST with a valid token (and no CSRF cookie, as no browser is involved) would
# never reach the token check.
SESSION_OR_TOKEN = [TokenAuth(), django_auth]


def request_user(request: HttpRequest):
    """The caller on endpoints that anyone may read: a token user, the session user or anonymous."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() == "bearer" and token:
        user = ApiToken.objects.user_for(token.strip())
        if user is not None:
            return user
    return request.user
