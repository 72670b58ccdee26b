"""Staff and assessor actions: review a call with its remaining budget, assign assessors,
declare conflicts of interest, score, award, decline, record payments, review reports. Each
posts to a service."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tsunagu.accounts import policy
from tsunagu.accounts.models import User
from tsunagu.tourism_grants import selectors, services
from tsunagu.tourism_grants.forms import AwardForm, PaymentForm, ReportReviewForm
from tsunagu.tourism_grants.models import GrantCall
from tsunagu.tourism_grants.views._helpers import application_for


def _staff_only(request) -> None:
    if not policy.is_city_staff(request.user):
        raise PermissionDenied


def _back(pk: int):
    return redirect("tourism_grants:application_detail", pk=pk)


def _run(request, action, success: str) -> bool:
    try:
        action()
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return False
    messages.success(request, success)
    return True


@login_required
def call_review(request, slug: str):
    _staff_only(request)
    call = get_object_or_404(GrantCall, slug=slug)
    return render(
        request,
        "tourism_grants/call_review.html",
        {"call": call, "rows": selectors.call_review_rows(call)},
    )


@login_required
@require_POST
def assessor_assign(request, pk: int):
    _staff_only(request)
    application = application_for(request, pk)
    assessor = get_object_or_404(User, pk=request.POST.get("assessor") or 0)
    _run(
        request,
        lambda: services.assessor_assign(
            application=application, assessor=assessor, assigned_by=request.user
        ),
        _("The assessor has been assigned."),
    )
    return _back(pk)


@login_required
@require_POST
def conflict_declare(request, pk: int):
    """An assessor declares their own conflict with the applicant; staff record one for any
    assessor."""
    application = application_for(request, pk)
    if policy.is_city_staff(request.user):
        assessor = get_object_or_404(User, pk=request.POST.get("assessor") or 0)
        success = _("The conflict of interest has been recorded.")
    elif policy.is_assessor(request.user):
        assessor = request.user
        success = _("Your conflict of interest has been recorded.")
    else:
        raise PermissionDenied
    declared = _run(
        request,
        lambda: services.conflict_declare(
            assessor=assessor,
            application=application,
            declared_by=request.user,
            note=request.POST.get("note", ""),
        ),
        success,
    )
    if declared and assessor.pk == request.user.pk:
        return redirect("accounts:review_list")  # the application is no longer theirs to see
    return _back(pk)


@login_required
@require_POST
def scores_record(request, pk: int):
    application = application_for(request, pk)
    if not services.can_score(request.user, application):
        raise PermissionDenied
    scores, comments = {}, {}
    for criterion in application.call.criteria.all():
        raw = request.POST.get(f"score-{criterion.pk}", "")
        if raw.strip().lstrip("-").isdigit():
            scores[criterion.pk] = int(raw)
        comments[criterion.pk] = request.POST.get(f"comment-{criterion.pk}", "")
    _run(
        request,
        lambda: services.scores_record(
            application=application, assessor=request.user, scores=scores, comments=comments
        ),
        _("Your scores have been saved."),
    )
    return _back(pk)


@login_required
@require_POST
def award_decide(request, pk: int):
    _staff_only(request)
    application = application_for(request, pk)
    form = AwardForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the award amount in yen."))
        return _back(pk)
    _run(
        request,
        lambda: services.award_decide(
            application=application,
            amount_yen=form.cleaned_data["amount_yen"],
            decided_by=request.user,
        ),
        _("The award has been made."),
    )
    return _back(pk)


@login_required
@require_POST
def application_reject(request, pk: int):
    _staff_only(request)
    application = application_for(request, pk)
    _run(
        request,
        lambda: services.application_reject(application=application, decided_by=request.user),
        _("The application has been declined."),
    )
    return _back(pk)


@login_required
@require_POST
def payment_record(request, pk: int):
    _staff_only(request)
    application = application_for(request, pk)
    award = getattr(application, "award", None)
    form = PaymentForm(request.POST)
    if award is None or not form.is_valid():
        messages.error(request, _("Give the amount and the date of the payment."))
        return _back(pk)
    _run(
        request,
        lambda: services.payment_record(award=award, recorded_by=request.user, **form.cleaned_data),
        _("The payment has been recorded."),
    )
    return _back(pk)


@login_required
@require_POST
def report_review(request, pk: int):
    _staff_only(request)
    application = application_for(request, pk)
    report = getattr(getattr(application, "award", None), "report", None)
    form = ReportReviewForm(request.POST)
    if report is None or not form.is_valid():
        raise PermissionDenied
    _run(
        request,
        lambda: services.report_review(
            report=report,
            reviewed_by=request.user,
            accept=form.cleaned_data["decision"] == "accept",
            comment=form.cleaned_data["comment"],
        ),
        _("The report review has been saved."),
    )
    return _back(pk)
