"""Staff and assessors: the queue, the technical check, assignment, scores, the chair's
decision, appeals and certificate status."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from tsunagu.accounts.policy import is_assessor, is_city_staff
from tsunagu.accounts.roles import Role
from tsunagu.tourism.models import Certificate, Operator, Score
from tsunagu.tourism.policy import is_appeal_reviewer, is_operator_member, is_panel_member
from tsunagu.tourism.selectors import application_queue
from tsunagu.tourism.services import reviews
from tsunagu.tourism.services.applications import technical_check
from tsunagu.tourism.services.certificates import certificate_status_set
from tsunagu.tourism.views.operators import _errors, _viewable


@login_required
def queue(request):
    if not (
        is_city_staff(request.user)
        or is_assessor(request.user)
        or request.user.tourism_appeals.exists()
    ):
        raise PermissionDenied
    context = {"applications": application_queue(request.user)}
    if is_assessor(request.user):
        context["operators"] = Operator.objects.all()
        context["conflicts"] = request.user.tourism_conflicts.select_related("operator")
    return render(request, "tourism/queue.html", context)


def _items(application):
    return [
        (indicator, list(indicator.items.all()))
        for indicator in application.indicators.prefetch_related("items").order_by("position")
    ]


@login_required
def application_review(request, pk: int):
    application = _viewable(request, pk)
    user = request.user
    staff = is_city_staff(user)
    answers = {a.item_id: a for a in application.answers.all()}
    my_scores = {s.item_id: s for s in application.scores.filter(assessor=user)}
    context = {
        "application": application,
        "is_staff": staff,
        "is_member": is_operator_member(user, application.operator),
        "can_score": is_panel_member(user, application) and application.status == "panel_review",
        "is_appeal_reviewer": is_appeal_reviewer(user, application),
        "rows": [
            (indicator, [(item, answers.get(item.pk), my_scores.get(item.pk)) for item in items])
            for indicator, items in _items(application)
        ],
        "score_choices": Score.choices,
        "evidence": application.evidence.all(),
        "appeal": getattr(application, "appeal", None),
        "certificate": getattr(application, "certificate", None),
        "reasons": sorted(application.decision_reasons.items()),
    }
    if staff:
        context["audit"] = application.audit.select_related("actor")
        context["all_scores"] = application.scores.select_related("assessor", "item")
        context["assessors"] = get_user_model().objects.filter(groups__name=Role.ASSESSOR.value)
        if application.status == "panel_review" and application.scores.exists():
            decision = reviews.decision_compute(application)
            context["decision"] = decision
            context["default_reasons"] = [
                (result, reviews.decision_reason_default(result)) for result in decision.indicators
            ]
    return render(request, "tourism/application_review.html", context)


def _score_input(request, application) -> dict:
    return {
        item.code: (
            request.POST.get(f"score-{item.code}", ""),
            request.POST.get(f"comment-{item.code}", ""),
        )
        for _indicator, items in _items(application)
        for item in items
    }


@login_required
@require_POST
def application_act(request, pk: int):
    application = _viewable(request, pk)
    action = request.POST.get("action", "")
    user = request.user
    post = request.POST
    try:
        if action in ("accept", "send_back"):
            technical_check(
                application=application,
                by=user,
                accept=action == "accept",
                comments=post.get("comments", ""),
            )
        elif action == "assign":
            assessor = get_object_or_404(get_user_model(), pk=post.get("assessor") or 0)
            reviews.assessor_assign(application=application, assessor=assessor, by=user)
        elif action == "score":
            reviews.scores_save(
                application=application, assessor=user, scores=_score_input(request, application)
            )
        elif action == "decide":
            reasons = {
                key.removeprefix("reason-"): value
                for key, value in post.items()
                if key.startswith("reason-")
            }
            reviews.application_decide(application=application, by=user, reasons=reasons)
        elif action == "appeal_assign":
            reviewer = get_object_or_404(
                get_user_model(), email=post.get("reviewer", "").strip().lower()
            )
            reviews.appeal_reviewer_assign(appeal=application.appeal, reviewer=reviewer, by=user)
        elif action in ("appeal_uphold", "appeal_dismiss"):
            reviews.appeal_decide(
                appeal=application.appeal,
                by=user,
                uphold=action == "appeal_uphold",
                reason=post.get("reason", ""),
            )
        else:
            raise PermissionDenied
        messages.success(request, _("Saved."))
    except ValidationError as error:
        _errors(request, error)
    return redirect("tourism:application_review", pk)


@login_required
@require_POST
def certificate_status(request, number: str):
    certificate = get_object_or_404(Certificate, number=number)
    try:
        certificate_status_set(
            certificate=certificate,
            by=request.user,
            status=request.POST.get("status", ""),
            reason=request.POST.get("reason", ""),
        )
        messages.success(request, _("Saved."))
    except ValidationError as error:
        _errors(request, error)
    return redirect("tourism:certificate_detail", number)


@login_required
@require_POST
def conflict_create(request):
    if not is_assessor(request.user):
        raise PermissionDenied
    operator = get_object_or_404(Operator, slug=request.POST.get("operator", ""))
    reviews.conflict_declare(
        assessor=request.user, operator=operator, note=request.POST.get("note", "")
    )
    messages.success(request, _("Your conflict of interest has been recorded."))
    return redirect("tourism:queue")
