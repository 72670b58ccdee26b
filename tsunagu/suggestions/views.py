"""HTML for SDG suggestions: a stateless preview for forms, and accept/reject (htmx-friendly)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tsunagu.accounts.policy import can_edit
from tsunagu.core.models import Goal
from tsunagu.suggestions import selectors, services
from tsunagu.suggestions.engine import classify
from tsunagu.suggestions.models import SdgSuggestion

# Longer texts are cut before classifying: a profile or event text is far shorter, and the
# cut keeps an anonymous request cheap.
MAX_TEXT_LENGTH = 20_000


@require_POST
def preview(request: HttpRequest) -> HttpResponse:
    """POST text -> goal chips with confidence and trigger words (no database writes)."""
    text = request.POST.get("text", "")[:MAX_TEXT_LENGTH]
    suggestions = classify(text)
    goals = Goal.objects.in_bulk([s.goal for s in suggestions])
    items = [(goals[s.goal], s) for s in suggestions if s.goal in goals]
    return render(request, "suggestions/_preview.html", {"items": items})


def _back(request: HttpRequest, obj) -> str:
    for candidate in (request.POST.get("next"), request.headers.get("Referer")):
        if candidate and url_has_allowed_host_and_scheme(
            candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        ):
            return candidate
    get_absolute_url = getattr(obj, "get_absolute_url", None)
    return get_absolute_url() if get_absolute_url else "/"


def _decide(request: HttpRequest, pk: int, *, accept: bool) -> HttpResponse:
    suggestion = get_object_or_404(SdgSuggestion.objects.select_related("goal"), pk=pk)
    obj = suggestion.content_object
    if obj is None:
        raise Http404
    if not can_edit(request.user, obj):
        raise PermissionDenied
    if suggestion.is_pending:
        if accept:
            services.suggestion_accept(suggestion=suggestion, user=request.user)
        else:
            services.suggestion_reject(suggestion=suggestion, user=request.user)
    if request.htmx:
        return render(
            request,
            "suggestions/_panel.html",
            {"obj": obj, "suggestions": selectors.suggestions_for(obj)},
        )
    number = {"number": suggestion.goal_id}
    if accept:
        messages.success(request, _("Goal %(number)s was added.") % number)
    else:
        messages.info(request, _("The suggestion of goal %(number)s was rejected.") % number)
    return redirect(_back(request, obj))


@require_POST
@login_required
def accept(request: HttpRequest, pk: int) -> HttpResponse:
    return _decide(request, pk, accept=True)


@require_POST
@login_required
def reject(request: HttpRequest, pk: int) -> HttpResponse:
    return _decide(request, pk, accept=False)
