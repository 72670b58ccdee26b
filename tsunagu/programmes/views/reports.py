"""Reports of participants: published ones for everyone, all of them for staff."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tsunagu.accounts.policy import is_city_staff
from tsunagu.programmes import selectors, services
from tsunagu.programmes.forms import ReportForm
from tsunagu.programmes.models import Participant, Report


def report_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "programmes/report_list.html",
        {
            "reports": selectors.reports_visible(user=request.user),
            "is_staff": is_city_staff(request.user),
        },
    )


@login_required
def report_new(request: HttpRequest, participant_pk: int) -> HttpResponse:
    participant = get_object_or_404(Participant, pk=participant_pk)
    if participant.user_id != request.user.pk and not is_city_staff(request.user):
        raise PermissionDenied
    form = ReportForm(
        request.POST or None,
        initial={
            "year": timezone.localdate().year,
            "destination_city": participant.destination_city,
            "destination_country": participant.destination_country,
        },
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.report_submit(participant=participant, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your report has been submitted."))
            return redirect("programmes:report_list")
    status = 400 if request.method == "POST" else 200
    return render(
        request,
        "programmes/report_new.html",
        {"participant": participant, "form": form},
        status=status,
    )


@login_required
@require_POST
def report_publish(request: HttpRequest, pk: int) -> HttpResponse:
    if not is_city_staff(request.user):
        raise PermissionDenied
    report = get_object_or_404(Report, pk=pk)
    services.report_publish(
        report=report, by=request.user, published=request.POST.get("publish") == "1"
    )
    return redirect("programmes:report_list")
