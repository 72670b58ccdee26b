"""The server-error handler: a lost database is "temporarily unavailable" (503), not a crash.

While PostgreSQL restarts or fails over, every request that needs it raises OperationalError
or InterfaceError, wherever it happens (a view, the session or the log-in middleware). Those
answer 503 with Retry-After, so proxies, monitors and API clients know to try again; the page
is rendered without touching the database. Django reconnects by itself on a later request.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils.translation import gettext
from django.views import defaults

RETRY_AFTER_SECONDS = 30


def server_error(request: HttpRequest) -> HttpResponse:
    error = sys.exc_info()[1]
    if not isinstance(error, (OperationalError, InterfaceError)):
        return defaults.server_error(request)
    message = gettext("The service is temporarily unavailable. Please try again in a minute.")
    if request.path.startswith("/api/"):
        response: HttpResponse = JsonResponse({"detail": message}, status=503)
    else:
        html = render_to_string("core/service_unavailable.html", {"message": message})
        response = HttpResponse(html, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
