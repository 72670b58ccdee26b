"""Staff page of a programme's participants: awarded applicants and those staff add (a
workshop's children as one row with their count)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from tsunagu.accounts.policy import is_city_staff
from tsunagu.programmes import services
from tsunagu.programmes.forms import ParticipantForm
from tsunagu.programmes.models import Programme


@login_required
def participant_list(request: HttpRequest, slug: str) -> HttpResponse:
    if not is_city_staff(request.user):
        raise PermissionDenied
    programme = get_object_or_404(Programme, slug=slug)
    form = ParticipantForm(request.POST or None, initial={"year": timezone.localdate().year})
    if request.method == "POST" and form.is_valid():
        try:
            services.participant_add(programme=programme, by=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The participant has been added."))
            return redirect("programmes:participant_list", slug=slug)
    return render(
        request,
        "programmes/participant_list.html",
        {
            "programme": programme,
            "participants": programme.participants.select_related("application"),
            "form": form,
        },
        status=400 if request.method == "POST" else 200,
    )
