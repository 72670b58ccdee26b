"""Review: staff see every application, score averages and decide; assessors see and score
only the applications assigned to them."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tsunagu.accounts.policy import is_assessor, is_city_staff
from tsunagu.programmes import selectors, services
from tsunagu.programmes.forms import AssignForm, DecisionForm, ScoreForm
from tsunagu.programmes.models import Application
from tsunagu.programmes.services.applications import is_assigned


def _reviewer_check(user) -> None:
    if not (is_city_staff(user) or is_assessor(user)):
        raise PermissionDenied


def _application(request: HttpRequest, pk: int) -> Application:
    try:
        return selectors.review_get(pk=pk, user=request.user)
    except Application.DoesNotExist:
        raise Http404 from None


@login_required
def review_queue(request: HttpRequest) -> HttpResponse:
    _reviewer_check(request.user)
    applications = selectors.review_queue(user=request.user)
    status = request.GET.get("status")
    if status:
        applications = applications.filter(status=status)
    return render(
        request,
        "programmes/review_queue.html",
        {"applications": applications, "is_staff": is_city_staff(request.user)},
    )


def _page(
    request, application, *, score_form=None, decision_form=None, assign_form=None, status=200
):
    staff = is_city_staff(request.user)
    assigned = is_assigned(request.user, application)
    context = {
        "application": application,
        "is_staff": staff,
        "can_score": assigned,
        "questions": {str(q.pk): q.label for q in application.call.questions.all()},
    }
    if assigned:
        context["score_form"] = score_form or ScoreForm(
            initial_scores=selectors.scores_of(application, request.user)
        )
    if staff:
        context["averages"] = selectors.score_averages(application)
        context["scores"] = application.scores.select_related("assessor")
        context["decision_form"] = decision_form or DecisionForm()
        context["assign_form"] = assign_form or AssignForm()
    return render(request, "programmes/application_review.html", context, status=status)


@login_required
def application_review(request: HttpRequest, pk: int) -> HttpResponse:
    _reviewer_check(request.user)
    return _page(request, _application(request, pk))


@login_required
@require_POST
def application_score(request: HttpRequest, pk: int) -> HttpResponse:
    _reviewer_check(request.user)
    application = _application(request, pk)
    if not is_assigned(request.user, application):
        raise PermissionDenied
    form = ScoreForm(request.POST)
    if form.is_valid():
        try:
            services.scores_save(
                application=application,
                assessor=request.user,
                scores=form.scores(),
                comments=form.comments(),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your scores have been saved."))
            return redirect("programmes:application_review", pk=pk)
    return _page(request, application, score_form=form, status=400)


@login_required
@require_POST
def application_decide(request: HttpRequest, pk: int) -> HttpResponse:
    if not is_city_staff(request.user):
        raise PermissionDenied
    application = _application(request, pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.application_decide(
                application=application,
                decision=form.cleaned_data["decision"],
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The decision has been saved and the applicant notified."))
            return redirect("programmes:application_review", pk=pk)
    return _page(request, application, decision_form=form, status=400)


@login_required
@require_POST
def application_assign(request: HttpRequest, pk: int) -> HttpResponse:
    if not is_city_staff(request.user):
        raise PermissionDenied
    application = _application(request, pk)
    form = AssignForm(request.POST)
    if form.is_valid():
        try:
            services.assessor_assign(
                application=application, reviewer=form.cleaned_data["reviewer"], by=request.user
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The assessor has been assigned."))
            return redirect("programmes:application_review", pk=pk)
    return _page(request, application, assign_form=form, status=400)
