"""The public list of experiences and an experience's page with its booking form."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from tsunagu.experiences import selectors, services
from tsunagu.experiences.forms import BookingForm, ExperienceFilterForm
from tsunagu.experiences.models import Experience


def experience_list(request: HttpRequest) -> HttpResponse:
    form = ExperienceFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    experiences = selectors.experience_list(
        craft=filters.get("craft") or None,
        language=filters.get("language") or None,
        day=filters.get("date"),
        max_price=filters.get("max_price"),
    )
    return render(
        request,
        "experiences/experience_list.html",
        {
            "form": form,
            "experiences": experiences,
            "filtered": bool(filters and any(filters.values())),
        },
    )


def experience_detail(request: HttpRequest, slug: str) -> HttpResponse:
    experience = get_object_or_404(
        Experience.objects.select_related("workshop"),
        slug=slug,
        is_published=True,
        workshop__is_published=True,
    )
    slots = selectors.experience_slots_upcoming(experience=experience)
    user = request.user if request.user.is_authenticated else None
    initial = {"name": user.full_name, "email": user.email} if user else {}
    if request.GET.get("slot", "").isdigit():
        initial["slot"] = int(request.GET["slot"])
    form = BookingForm(request.POST or None, initial=initial, experience=experience, slots=slots)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        slot = form.slots[data["slot"]]
        visitor = {
            "slot": slot,
            "participants": data["participants"],
            "language": data["language"],
            "name": data["name"],
            "email": data["email"],
            "user": request.user,
            "needs": data["needs"],
        }
        try:
            booking = services.booking_create(**visitor)
        except ValidationError as error:
            if error.code != "full" or not data["waitlist"]:
                form.add_error(None, error)
            else:
                try:
                    entry = services.waitlist_join(**visitor)
                except ValidationError as waitlist_error:
                    form.add_error(None, waitlist_error)
                else:
                    if entry.status == "offered":
                        return redirect("experiences:offer_accept", entry.token)
                    messages.success(
                        request,
                        _("You are on the waiting list. If seats are freed we email you an offer."),
                    )
                    return redirect(experience.get_absolute_url())
        else:
            return redirect("experiences:booking_detail", booking.code)
    return render(
        request,
        "experiences/experience_detail.html",
        {
            "experience": experience,
            "slots": slots,
            "form": form,
            "rating": selectors.experience_rating(experience=experience),
            "reviews": selectors.experience_reviews(experience=experience)[:20],
        },
    )
