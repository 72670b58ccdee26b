"""A visitor's booking: confirmation (code, QR, amount due, calendar), cancellation, the
waiting-list offer, and the review after the visit. The code in the address is the key to
the confirmation page; cancelling also needs the booking's email address or its account."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from tsunagu.events.qr import qr_svg
from tsunagu.experiences import services
from tsunagu.experiences.forms import CancelForm, ReviewForm
from tsunagu.experiences.ical import booking_ics
from tsunagu.experiences.models import Booking, Review, WaitlistEntry


def _booking(code: str) -> Booking:
    return get_object_or_404(
        Booking.objects.select_related("slot__experience__workshop"), code=code
    )


def _is_owner(request: HttpRequest, booking: Booking) -> bool:
    return request.user.is_authenticated and booking.user_id == request.user.pk


def booking_detail(request: HttpRequest, code: str) -> HttpResponse:
    booking = _booking(code)
    check_in = request.build_absolute_uri(
        reverse("experiences:dashboard") + "?" + urlencode({"code": booking.code})
    )
    return render(
        request,
        "experiences/booking_detail.html",
        {
            "booking": booking,
            "slot": booking.slot,
            "experience": booking.slot.experience,
            "qr": qr_svg(check_in, title=booking.code) if booking.is_confirmed else None,
            "may_cancel": services.booking_may_cancel(booking),
            "deadline": services.cancellation_deadline(booking),
            "may_review": services.review_allowed(booking)
            and not Review.objects.filter(booking=booking).exists(),
        },
    )


def booking_calendar(request: HttpRequest, code: str) -> HttpResponse:
    response = HttpResponse(
        booking_ics(_booking(code)), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="booking-{code}.ics"'
    return response


def booking_cancel(request: HttpRequest, code: str) -> HttpResponse:
    booking = _booking(code)
    owner = _is_owner(request, booking)
    form = None if owner else CancelForm(request.POST or None)
    if request.method == "POST" and services.booking_may_cancel(booking):
        email_matches = (
            form is not None
            and form.is_valid()
            and form.cleaned_data["email"].lower() == booking.email.lower()
        )
        if form is not None and form.is_valid() and not email_matches:
            form.add_error("email", _("This is not the email address of the booking."))
        if owner or email_matches:
            try:
                services.booking_cancel(booking=booking)
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Your booking is cancelled."))
            return redirect("experiences:booking_detail", booking.code)
    return render(
        request,
        "experiences/booking_cancel.html",
        {
            "booking": booking,
            "slot": booking.slot,
            "experience": booking.slot.experience,
            "form": form,
            "may_cancel": services.booking_may_cancel(booking),
            "within_policy": services.cancellation_within_policy(booking),
            "deadline": services.cancellation_deadline(booking),
        },
    )


def offer_accept(request: HttpRequest, token: str) -> HttpResponse:
    services.waitlist_offers_expire()
    entry = get_object_or_404(
        WaitlistEntry.objects.select_related("slot__experience__workshop"), token=token
    )
    if request.method == "POST":
        try:
            booking = services.waitlist_offer_accept(entry=entry)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            return redirect("experiences:booking_detail", booking.code)
        entry.refresh_from_db()
    return render(
        request,
        "experiences/offer_accept.html",
        {
            "entry": entry,
            "slot": entry.slot,
            "experience": entry.slot.experience,
            "amount_due": entry.slot.experience.amount_due(entry.participants),
        },
    )


def review_create(request: HttpRequest, code: str) -> HttpResponse:
    booking = _booking(code)
    form = ReviewForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.review_create(booking=booking, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you. Your review is published after moderation."))
            return redirect("experiences:booking_detail", booking.code)
    return render(
        request,
        "experiences/review_form.html",
        {
            "booking": booking,
            "experience": booking.slot.experience,
            "form": form,
            "allowed": services.review_allowed(booking),
        },
        status=200 if services.review_allowed(booking) else 403,
    )
