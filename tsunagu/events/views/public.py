"""Public pages: the events list, an event with its registration form (also reached through
a personal invitation link), and the registrant's confirmation page with its QR code."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tsunagu.core.apps import CACHE_DOMAIN as SDGS_CACHE_DOMAIN
from tsunagu.core.cache import cached_for_anonymous
from tsunagu.events import selectors, services
from tsunagu.events.apps import CACHE_DOMAIN
from tsunagu.events.forms import EventFilterForm, RegistrationForm
from tsunagu.events.models import Event, EventStatus, Invitation, Registration
from tsunagu.events.qr import check_in_url, qr_svg
from tsunagu.events.views._helpers import event_or_404


@cached_for_anonymous(CACHE_DOMAIN, SDGS_CACHE_DOMAIN)
def event_list(request: HttpRequest) -> HttpResponse:
    form = EventFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    year, month = form.year_month()
    # Upcoming by default; a chosen month shows that month whole unless a tab is chosen.
    when = filters.get("when") or (None if month else selectors.UPCOMING)
    events = selectors.event_list(
        kind=filters.get("kind"),
        goal=filters.get("goal"),
        mode=filters.get("mode"),
        year=year,
        month=month,
        when=when,
    )
    others = {key: value for key, value in request.GET.items() if key != "when" and value}
    tabs = [
        (tab, label, "?" + urlencode({**others, "when": tab}))
        for tab, label in ((selectors.UPCOMING, _("Upcoming")), (selectors.PAST, _("Past")))
    ]
    return render(
        request,
        "events/event_list.html",
        {"form": form, "events": events, "when": when, "tabs": tabs, "filtered": bool(others)},
    )


def _registration_page(
    request: HttpRequest, event: Event, invitation: Invitation | None = None
) -> HttpResponse:
    user = request.user if request.user.is_authenticated else None
    initial = {"name": user.full_name, "email": user.email} if user else {}
    form = RegistrationForm(
        request.POST or None,
        initial=initial,
        questions=selectors.event_questions(event=event),
        invitation=invitation,
    )
    if request.method == "POST" and form.is_valid():
        try:
            registration = services.registration_create(
                event=event,
                user=user,
                answers=form.answers(),
                invitation=invitation,
                **form.person(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("events:registration_detail", pk=event.pk, code=registration.code)
    minutes = selectors.minutes_get(event=event, user=request.user)
    allowed = services.registration_allowed(event=event, user=user, invitation=invitation)
    registration_open = (
        event.status == EventStatus.PUBLISHED and timezone.now() < event.registration_closes_at
    )
    return render(
        request,
        "events/event_detail.html",
        {
            "event": event,
            "form": form,
            "registration_open": registration_open,
            "may_register": allowed,
            "invitation": invitation,
            "seats_left": selectors.seats_left(event=event),
            "minutes": minutes,
            "attended": selectors.event_counts(event=event).attended if minutes else None,
            "organisers": event.organisers.select_related("organisation"),
        },
    )


def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _registration_page(request, event_or_404(request, pk))


def invitation(request: HttpRequest, pk: int, token: str) -> HttpResponse:
    """The invitee's personal link: the event page with a registration form that is open to
    them although the event is by invitation only."""
    event = event_or_404(request, pk)
    try:
        found = selectors.invitation_get(event=event, token=token)
    except Invitation.DoesNotExist:
        raise Http404 from None
    if found.is_used:
        messages.info(request, _("This invitation has been used: you are registered."))
        return redirect("events:registration_detail", pk=event.pk, code=found.registration.code)
    return _registration_page(request, event, invitation=found)


def _registration(request: HttpRequest, pk: int, code: str) -> Registration:
    try:
        return selectors.registration_get(event=event_or_404(request, pk), code=code)
    except Registration.DoesNotExist:
        raise Http404 from None


def registration_detail(request: HttpRequest, pk: int, code: str) -> HttpResponse:
    """The registrant's own page: whoever holds the code holds the registration."""
    registration = _registration(request, pk, code)
    qr = None
    if registration.is_confirmed:
        qr = qr_svg(
            check_in_url(request, registration),
            title=_("QR code for check-in: %(code)s") % {"code": registration.code},
        )
    return render(
        request,
        "events/registration_detail.html",
        {
            "registration": registration,
            "event": registration.event,
            "answers": [
                (answer.question.text, answer.question.label_for(answer.value))
                if answer.question.has_choices
                else (answer.question.text, answer.value)
                for answer in registration.answers.select_related("question")
            ],
            "qr": qr,
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
