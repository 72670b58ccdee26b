"""The artisans' dashboard: a day's sessions at the workshops one manages, check-in by
code, no-shows, closing a session."""

from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from tsunagu.experiences import selectors, services
from tsunagu.experiences.forms import CheckInForm
from tsunagu.experiences.models import Slot


def _day(value: str | None) -> date:
    try:
        return date.fromisoformat(value) if value else timezone.localdate()
    except ValueError:
        return timezone.localdate()


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    workshop_ids = selectors.managed_workshop_ids(request.user)
    if workshop_ids is not None and not workshop_ids:
        raise PermissionDenied
    day = _day(request.GET.get("date") or request.POST.get("date"))
    form = CheckInForm(request.POST or None, initial={"code": request.GET.get("code", "")})
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "close":
                slot = get_object_or_404(Slot, pk=request.POST.get("slot"))
                if workshop_ids is not None and slot.experience.workshop_id not in workshop_ids:
                    raise PermissionDenied
                services.slot_close(slot=slot, reason=request.POST.get("reason", ""))
                messages.success(request, _("The session is closed; its visitors are emailed."))
            elif action == "no_show":
                booking = services.booking_mark_no_show(
                    code=request.POST.get("code", ""), workshop_ids=workshop_ids
                )
                messages.success(request, _("%(code)s marked as no-show.") % {"code": booking.code})
            elif form.is_valid():
                booking = services.booking_check_in(
                    code=form.cleaned_data["code"], workshop_ids=workshop_ids
                )
                messages.success(
                    request,
                    _("Checked in: %(name)s (%(code)s), %(count)s participants.")
                    % {"name": booking.name, "code": booking.code, "count": booking.participants},
                )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        if not form.errors:
            return redirect(f"{request.path}?{urlencode({'date': day.isoformat()})}")
    return render(
        request,
        "experiences/dashboard.html",
        {
            "day": day,
            "form": form,
            "slots": selectors.dashboard_slots(workshop_ids=workshop_ids, day=day),
            "now": timezone.now(),
        },
    )
