"""The applicant's pages: apply (draft or submit), my applications, one application (with the
assessor's scoring and the staff's decision forms shown to those allowed), documents, report."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tsunagu.accounts import policy
from tsunagu.tourism_grants import selectors, services
from tsunagu.tourism_grants.forms import (
    ApplicationForm,
    AwardForm,
    PaymentForm,
    ReportForm,
    ReportReviewForm,
)
from tsunagu.tourism_grants.models import (
    ApplicationDocument,
    ApplicationStatus,
    GrantCall,
    ReportAttachment,
)
from tsunagu.tourism_grants.views._helpers import application_for, errors_to_form


def _form_save(request, form, *, call, application=None):
    submit = "submit" in request.POST
    data = form.cleaned_data
    return services.application_save(
        applicant=request.user,
        call=call,
        application=application,
        organisation=data["organisation"],
        project_title=data["project_title"],
        description=data["description"],
        requested_yen=data["requested_yen"],
        goals=data["goals"],
        budget_lines=data["budget_lines"],
        documents=data["documents"],
        submit=submit,
    )


@login_required
def application_create(request, slug: str):
    call = get_object_or_404(GrantCall, slug=slug)
    return _application_form(request, call=call, application=None)


@login_required
def application_edit(request, pk: int):
    application = application_for(request, pk)
    if application.applicant_id != request.user.pk:
        raise PermissionDenied
    if application.status != ApplicationStatus.DRAFT:
        return redirect("tourism_grants:application_detail", pk=pk)
    return _application_form(request, call=application.call, application=application)


def _application_form(request, *, call, application):
    initial = {}
    if application is not None:
        initial = {
            "organisation": application.organisation,
            "project_title": application.project_title,
            "description": application.description,
            "requested_yen": application.requested_yen,
            "goals": application.goals.all(),
            "budget_lines": "\n".join(
                f"{line.item}, {line.amount_yen}" for line in application.budget_lines.all()
            ),
        }
    form = ApplicationForm(
        request.POST or None, request.FILES or None, user=request.user, initial=initial
    )
    closed_error = None
    try:
        services.call_open_check(call)
    except ValidationError as error:
        closed_error = error.messages[0]
    if request.method == "POST" and form.is_valid():
        try:
            saved = _form_save(request, form, call=call, application=application)
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            if saved.status == ApplicationStatus.SUBMITTED:
                messages.success(request, _("Your application has been submitted."))
            else:
                messages.success(request, _("Your draft has been saved."))
            return redirect("tourism_grants:application_detail", pk=saved.pk)
    return render(
        request,
        "tourism_grants/application_form.html",
        {"call": call, "form": form, "application": application, "closed_error": closed_error},
        status=400 if request.method == "POST" else 200,
    )


@login_required
def my_applications(request):
    return render(
        request,
        "tourism_grants/my_applications.html",
        {"applications": selectors.application_list_for_user(request.user)},
    )


@login_required
def application_detail(request, pk: int):
    application = application_for(request, pk)
    user = request.user
    award = getattr(application, "award", None)
    report = getattr(award, "report", None) if award else None
    is_staff = policy.is_city_staff(user)
    criteria = list(application.call.criteria.all())
    my_scores = {}
    if services.can_score(user, application):
        my_scores = {s.criterion_id: s for s in application.scores.filter(assessor=user)}
    context = {
        "application": application,
        "call": application.call,
        "award": award,
        "report": report,
        "is_applicant": application.applicant_id == user.pk,
        "is_staff": is_staff,
        "can_score": services.can_score(user, application),
        "criteria_rows": [(c, my_scores.get(c.pk)) for c in criteria],
        "score": selectors.application_weighted_score(application) if is_staff else None,
        "scores": application.scores.select_related("criterion", "assessor") if is_staff else [],
        "award_form": AwardForm(),
        "payment_form": PaymentForm(),
        "report_form": ReportForm(
            initial={
                "text": report.text,
                "figures": "\n".join(
                    f"{f['label']}, {f['value']}, {f.get('unit', '')}".rstrip(", ")
                    for f in report.figures
                ),
            }
            if report
            else None
        ),
        "report_review_form": ReportReviewForm(),
    }
    if is_staff:
        context["assessors"] = _assessor_choices(application)
        context["assessor_conflicts"] = [reason for _user, reason in context["assessors"] if reason]
    return render(request, "tourism_grants/application_detail.html", context)


def _assessor_choices(application) -> list[tuple]:
    """(assessor, why they may not assess it or None), the applicant left out."""
    from tsunagu.accounts.models import User
    from tsunagu.accounts.roles import Role

    assessors = User.objects.filter(groups__name=Role.ASSESSOR.value).exclude(
        pk=application.applicant_id
    )
    return [
        (assessor, selectors.assessor_conflict_reason(assessor=assessor, application=application))
        for assessor in assessors
    ]


@login_required
def document_download(request, pk: int):
    document = get_object_or_404(ApplicationDocument, pk=pk)
    application_for(request, document.application_id)
    return FileResponse(
        document.file.open("rb"),
        content_type=document.content_type,
        filename=document.original_name,
    )


@login_required
def report_attachment_download(request, pk: int):
    attachment = get_object_or_404(ReportAttachment.objects.select_related("report__award"), pk=pk)
    application_for(request, attachment.report.award.application_id)
    return FileResponse(
        attachment.file.open("rb"),
        content_type=attachment.content_type,
        filename=attachment.original_name,
    )


@login_required
@require_POST
def report_submit(request, pk: int):
    application = application_for(request, pk)
    award = getattr(application, "award", None)
    if award is None or application.applicant_id != request.user.pk:
        raise PermissionDenied
    form = ReportForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.report_submit(
                award=award,
                submitted_by=request.user,
                text=form.cleaned_data["text"],
                figures=form.cleaned_data["figures"],
                attachments=form.cleaned_data["attachments"],
            )
        except ValidationError as error:
            errors_to_form(form, error)
        else:
            messages.success(request, _("Your report has been sent."))
            return redirect("tourism_grants:application_detail", pk=pk)
    for error in form.errors.values():
        messages.error(request, " ".join(error))
    return redirect("tourism_grants:application_detail", pk=pk)
