from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest

from tsunagu.accounts.policy import is_city_staff
from tsunagu.events import selectors
from tsunagu.events.models import Event


def event_or_404(request: HttpRequest, pk: int) -> Event:
    try:
        return selectors.event_get(pk=pk, user=request.user)
    except Event.DoesNotExist:
        raise Http404 from None


def staff_required(view):
    """City staff only: anonymous visitors are sent to log in (and come back, query string
    and all, e.g. a scanned check-in URL), everyone else gets 403."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_city_staff(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper
