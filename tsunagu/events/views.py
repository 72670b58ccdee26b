"""Event pages: the list, an event with its registration form, the registrant's confirmation
page, and the staff check-in page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tsunagu.accounts.policy import is_city_staff
from tsunagu.events import selectors, services
from tsunagu.events.forms import CheckInForm, EventFilterForm, RegistrationForm
from tsunagu.events.models import Audience, Event, EventStatus, Registration


def _event(request: HttpRequest, pk: int) -> Event:
    try:
        return selectors.event_get(pk=pk, user=request.user)
    except Event.DoesNotExist:
        raise Http404 from None


def event_list(request: HttpRequest) -> HttpResponse:
    form = EventFilterForm(request.GET or None)
    year, month = form.year_month()
    kind = form.cleaned_data.get("kind") if form.is_valid() else None
    events = selectors.event_list(kind=kind, year=year, month=month)
    return render(request, "events/event_list.html", {"form": form, "events": events})


def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event(request, pk)
    user = request.user if request.user.is_authenticated else None
    initial = {"name": user.full_name, "email": user.email} if user else {}
    form = RegistrationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            registration = services.registration_create(event=event, user=user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("events:registration_detail", pk=event.pk, code=registration.code)
    registration_open = (
        event.status == EventStatus.PUBLISHED
        and timezone.now() < event.registration_closes_at
        and event.audience != Audience.INVITED
    )
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "form": form,
            "registration_open": registration_open,
            "seats_left": selectors.seats_left(event=event),
        },
    )


def _registration(request: HttpRequest, pk: int, code: str) -> Registration:
    try:
        return selectors.registration_get(event=_event(request, pk), code=code)
    except Registration.DoesNotExist:
        raise Http404 from None


def registration_detail(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    """The registrant's own page: whoever holds the code holds the registration."""
    registration = _registration(request, pk, code)
    return render(
        request,
        "events/registration_detail.html",
        {
            "registration": registration,
            "event": registration.event,
            "may_cancel": timezone.now() < registration.event.cancellation_closes_at,
        },
    )


@require_POST
def registration_cancel(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    registration = _registration(request, pk, code)
    try:
        services.registration_cancel(registration=registration)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your registration has been cancelled."))
    return redirect("events:registration_detail", pk=pk, code=code)


@login_required
def check_in(request: HttpRequest, pk: int) -> HttpResponse:
    if not is_city_staff(request.user):
        raise PermissionDenied
    event = _event(request, pk)
    form = CheckInForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            registration = services.registration_check_in(
                event=event, code=form.cleaned_data["code"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request,
                _("Welcome, %(name)s (%(code)s): checked in.")
                % {"name": registration.name, "code": registration.code},
            )
        return redirect("events:check_in", pk=event.pk)
    return render(
        request,
        "events/check_in.html",
        {"event": event, "form": form, "counts": selectors.event_counts(event=event)},
    )
