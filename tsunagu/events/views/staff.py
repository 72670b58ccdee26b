"""Staff pages: check-in at the door (made for a phone), the event's registrations with
their answers and statistics, the CSV download, and invitations."""

import csv

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tsunagu.events import selectors, services
from tsunagu.events.forms import CheckInForm, InvitationForm
from tsunagu.events.views._helpers import event_or_404, staff_required


@staff_required
def check_in(request: HttpRequest, pk: int) -> HttpResponse:
    """POST a code (typed, or a scanned check-in URL) to check in. GET ?code=… (what a
    phone camera opens from the registrant's QR code) shows who it is, with one button."""
    event = event_or_404(request, pk)
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
    scanned_code = request.GET.get("code", "")
    scanned = selectors.registration_by_code(code=scanned_code) if scanned_code else None
    return render(
        request,
        "events/check_in.html",
        {
            "event": event,
            "form": form,
            "scanned_code": scanned_code,
            "scanned": scanned,
            "counts": selectors.event_counts(event=event),
        },
    )


@staff_required
def event_staff(request: HttpRequest, pk: int) -> HttpResponse:
    event = event_or_404(request, pk)
    questions = selectors.event_questions(event=event)
    registrations = selectors.registrations_with_answers(event=event)
    return render(
        request,
        "events/event_staff.html",
        {
            "event": event,
            "counts": selectors.event_counts(event=event),
            "questions": questions,
            "rows": [
                (registration, _answer_cells(registration, questions))
                for registration in registrations
            ],
            "invitations": selectors.invitation_list(event=event),
            "invitation_form": InvitationForm(initial={"language": request.LANGUAGE_CODE}),
        },
    )


def _answer_cells(registration, questions) -> list[str]:
    answers = {answer.question_id: answer for answer in registration.answers.all()}
    cells = []
    for question in questions:
        answer = answers.get(question.pk)
        if answer is None:
            cells.append("")
        elif question.has_choices:
            cells.append(question.label_for(answer.value))
        else:
            cells.append(answer.value)
    return cells


def _csv_safe(value: object) -> str:
    """Keep spreadsheets from running a cell as a formula (CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _when(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


@staff_required
def registrations_csv(request: HttpRequest, pk: int) -> HttpResponse:
    """Registrations and answers; UTF-8 with a byte order mark so that Excel reads Japanese."""
    event = event_or_404(request, pk)
    questions = selectors.event_questions(event=event)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="event-{event.pk}-registrations.csv"'
    response.write("\ufeff")
    writer = csv.writer(response)
    writer.writerow(
        [
            _("Confirmation code"),
            _("Name"),
            _("Email address"),
            _("Status"),
            _("Language"),
            _("Registered at"),
            _("Checked in at"),
            *(question.text for question in questions),
        ]
    )
    for registration in selectors.registrations_with_answers(event=event):
        writer.writerow(
            _csv_safe(cell)
            for cell in [
                registration.code,
                registration.name,
                registration.email,
                registration.get_status_display(),
                registration.language,
                _when(registration.created_at),
                _when(registration.checked_in_at),
                *_answer_cells(registration, questions),
            ]
        )
    return response


@staff_required
@require_POST
def invitation_create(request: HttpRequest, pk: int) -> HttpResponse:
    event = event_or_404(request, pk)
    form = InvitationForm(request.POST)
    if form.is_valid():
        try:
            invitation = services.invitation_create(
                event=event,
                invited_by=request.user,
                site_url=request.build_absolute_uri("/"),
                **form.cleaned_data,
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("Invitation sent to %(email)s.") % {"email": invitation.email}
            )
    else:
        messages.error(
            request, " ".join(error for errors in form.errors.values() for error in errors)
        )
    return redirect("events:event_staff", pk=event.pk)
