"""Public programme pages, the call page and applying, and the applicant's own list."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from tsunagu.accounts.policy import is_city_staff
from tsunagu.programmes import selectors, services
from tsunagu.programmes.forms import ApplicationForm
from tsunagu.programmes.models import ApplicationDocument, Call, Programme


def programme_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "programmes/programme_list.html",
        {"programmes": selectors.programme_list(user=request.user)},
    )


def programme_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        programme = selectors.programme_get(slug=slug, user=request.user)
    except Programme.DoesNotExist:
        raise Http404 from None
    now = timezone.now()
    return render(
        request,
        "programmes/programme_detail.html",
        {
            "programme": programme,
            "calls": selectors.call_list(user=request.user).filter(programme=programme),
            "upcoming": selectors.upcoming_events(programme, now=now),
            "reports": selectors.reports_visible(user=request.user).filter(
                participant__programme=programme, is_published=True
            ),
            "now": now,
            "is_staff": is_city_staff(request.user),
        },
    )


def _call(request: HttpRequest, pk: int) -> Call:
    try:
        return selectors.call_get(pk=pk, user=request.user)
    except Call.DoesNotExist:
        raise Http404 from None


def call_detail(request: HttpRequest, pk: int) -> HttpResponse:
    call = _call(request, pk)
    return render(
        request,
        "programmes/call_detail.html",
        {"call": call, "is_open": call.is_open(), "now": timezone.now()},
    )


@login_required
def call_apply(request: HttpRequest, pk: int) -> HttpResponse:
    call = _call(request, pk)
    if not call.is_open():
        messages.error(
            request,
            _("The deadline of this call has passed: applications are no longer accepted.")
            if timezone.now() > call.deadline
            else _("This call is not open yet."),
        )
        return redirect(call)
    form = ApplicationForm(request.POST or None, request.FILES or None, call=call)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.application_submit(
                call=call,
                applicant=request.user,
                full_name=data["full_name"],
                date_of_birth=data["date_of_birth"],
                statement=data["statement"],
                answers=form.answers(),
                documents=data["documents"],
                guardian_name=data["guardian_name"],
                guardian_consent=data["guardian_consent"],
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Your application has been submitted."))
            return redirect("programmes:my_applications")
    status = 400 if request.method == "POST" else 200
    return render(
        request, "programmes/call_apply.html", {"call": call, "form": form}, status=status
    )


@login_required
def my_applications(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "programmes/my_applications.html",
        {
            "applications": selectors.my_applications(user=request.user),
            "participations": selectors.my_participations(user=request.user),
        },
    )


def document_download(request: HttpRequest, pk: int) -> FileResponse:
    document = get_object_or_404(ApplicationDocument.objects.select_related("application"), pk=pk)
    if not selectors.document_visible_to(request.user, document.application):
        raise Http404
    response = FileResponse(
        document.file.open("rb"),
        content_type=document.content_type,
        as_attachment=True,
        filename=document.original_name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
