"""The operator's side: applications, answers, evidence, submission, appeal, extension."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tsunagu.tourism.models import Answer, Application, Certificate, Evidence, Operator
from tsunagu.tourism.policy import can_edit_application, can_view_application, is_operator_member
from tsunagu.tourism.selectors import operators_of
from tsunagu.tourism.services import applications as services
from tsunagu.tourism.services.certificates import certificate_extend
from tsunagu.tourism.services.reviews import appeal_lodge
from tsunagu.tourism.services.schemes import default_version


def _errors(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


@login_required
def my_tourism(request):
    operators = operators_of(request.user).prefetch_related("applications", "certificates")
    return render(
        request, "tourism/my.html", {"operators": operators, "version": default_version()}
    )


@login_required
@require_POST
def application_start(request, slug: str):
    operator = get_object_or_404(Operator, slug=slug)
    if not is_operator_member(request.user, operator):
        raise PermissionDenied
    application = services.application_create(
        operator=operator, version=default_version(), by=request.user
    )
    return redirect("tourism:application_edit", application.pk)


def _viewable(request, pk: int) -> Application:
    application = get_object_or_404(
        Application.objects.select_related("operator", "version"), pk=pk
    )
    if not can_view_application(request.user, application):
        raise Http404
    return application


@login_required
def application_edit(request, pk: int):
    application = _viewable(request, pk)
    if not can_edit_application(request.user, application):
        return redirect("tourism:application_review", pk)
    if request.method == "POST":
        answers = {
            item.code: (
                request.POST.get(f"answer-{item.code}", ""),
                request.POST.get(f"explanation-{item.code}", ""),
            )
            for indicator in application.version.indicators.prefetch_related("items")
            for item in indicator.items.all()
        }
        try:
            services.application_draft_save(
                application=application,
                by=request.user,
                indicator_codes=request.POST.getlist("indicators"),
                answers=answers,
            )
            for upload in request.FILES.getlist("evidence"):
                services.evidence_add(application=application, by=request.user, file=upload)
            if request.POST.get("action") == "submit":
                services.application_submit(application=application, by=request.user)
                messages.success(request, _("Your application has been submitted."))
                return redirect("tourism:application_review", pk)
            messages.success(request, _("Draft saved."))
            return redirect("tourism:application_edit", pk)
        except ValidationError as error:
            _errors(request, error)
    answers = {a.item_id: a for a in application.answers.all()}
    chosen = set(application.indicators.values_list("pk", flat=True))
    indicators = [
        {
            "indicator": indicator,
            "chosen": indicator.pk in chosen,
            "items": [(item, answers.get(item.pk)) for item in indicator.items.all()],
        }
        for indicator in application.version.indicators.prefetch_related("items")
    ]
    return render(
        request,
        "tourism/application_edit.html",
        {
            "application": application,
            "indicators": indicators,
            "answer_choices": Answer.choices,
            "editable": application.status == "draft",
            "audit": application.audit.select_related("actor"),
        },
    )


@login_required
def evidence_download(request, pk: int):
    evidence = get_object_or_404(Evidence.objects.select_related("application__operator"), pk=pk)
    if not can_view_application(request.user, evidence.application):
        raise Http404
    response = FileResponse(
        evidence.file.open("rb"),
        content_type=evidence.content_type,
        as_attachment=True,
        filename=evidence.original_name,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def appeal_create(request, pk: int):
    application = _viewable(request, pk)
    try:
        appeal_lodge(
            application=application, by=request.user, grounds=request.POST.get("grounds", "")
        )
        messages.success(request, _("Your appeal has been lodged."))
    except ValidationError as error:
        _errors(request, error)
    return redirect("tourism:application_review", pk)


@login_required
@require_POST
def certificate_renew(request, number: str):
    certificate = get_object_or_404(Certificate, number=number)
    try:
        certificate_extend(
            certificate=certificate, by=request.user, statement=request.POST.get("statement", "")
        )
        messages.success(request, _("The certificate has been extended."))
    except ValidationError as error:
        _errors(request, error)
    return redirect("tourism:certificate_detail", number)
