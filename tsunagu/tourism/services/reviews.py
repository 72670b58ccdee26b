"""Panel review: conflicts of interest, assigning assessors, scores, the computed decision
confirmed by the chair, and appeals decided by an independent reviewer."""

from datetime import timedelta
from fractions import Fraction

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tsunagu.accounts.models import ReviewAssignment
from tsunagu.accounts.policy import is_assessor, is_city_staff
from tsunagu.tourism import rules
from tsunagu.tourism.models import (
    Answer,
    Appeal,
    AppealStatus,
    Application,
    ApplicationStatus,
    ConflictOfInterest,
    Operator,
    PanelScore,
    Score,
)
from tsunagu.tourism.policy import is_operator_member, is_panel_member
from tsunagu.tourism.services.applications import _locked, _set_status


def _staff_check(user) -> None:
    if not is_city_staff(user):
        raise PermissionDenied


@transaction.atomic
def conflict_declare(*, assessor, operator: Operator, note: str = "") -> ConflictOfInterest:
    conflict, _created = ConflictOfInterest.objects.get_or_create(
        assessor=assessor, operator=operator, defaults={"note": note}
    )
    return conflict


@transaction.atomic
def assessor_assign(*, application: Application, assessor, by) -> ReviewAssignment:
    _staff_check(by)
    if not is_assessor(assessor):
        raise ValidationError(_("%(user)s is not an assessor.") % {"user": assessor})
    if ConflictOfInterest.objects.filter(assessor=assessor, operator=application.operator).exists():
        raise ValidationError(
            _("%(user)s declared a conflict of interest with this operator.") % {"user": assessor}
        )
    if is_operator_member(assessor, application.operator):
        raise ValidationError(_("%(user)s acts for this operator.") % {"user": assessor})
    assignment, _created = ReviewAssignment.objects.get_or_create(
        reviewer=assessor,
        content_type=ContentType.objects.get_for_model(Application),
        object_id=application.pk,
        defaults={"assigned_by": by},
    )
    return assignment


def _scored_items(application: Application):
    from tsunagu.tourism.models import Item

    return Item.objects.filter(indicator__in=application.indicators.all()).select_related(
        "indicator"
    )


@transaction.atomic
def scores_save(*, application: Application, assessor, scores: dict[str, tuple[str, str]]) -> None:
    """One assessor's scores, item code -> (score, comment); every item of the chosen
    indicators, or nothing."""
    if not is_panel_member(assessor, application):
        raise PermissionDenied
    application = _locked(application)
    if application.status != ApplicationStatus.PANEL_REVIEW:
        raise ValidationError(_("This application is not in panel review."))
    items = list(_scored_items(application))
    for item in items:
        score = scores.get(item.code, ("", ""))[0]
        if score not in Score.values:
            raise ValidationError(_("Score item %(code)s.") % {"code": item.code})
    for item in items:
        score, comment = scores[item.code]
        PanelScore.objects.update_or_create(
            application=application,
            assessor=assessor,
            item=item,
            defaults={"score": score, "comment": (comment or "").strip()},
        )


def decision_compute(application: Application) -> rules.Decision:
    version = application.version
    answers = {a.item_id: a.answer for a in application.answers.all()}
    scores: dict[int, list[str]] = {}
    for score in application.scores.all():
        scores.setdefault(score.item_id, []).append(score.score)
    chosen: dict[str, list[rules.ItemResult]] = {}
    for indicator in application.indicators.prefetch_related("items").order_by("position"):
        chosen[indicator.code] = [
            rules.ItemResult(
                code=item.code,
                mandatory=item.is_mandatory,
                applicable=answers.get(item.pk) != Answer.NOT_APPLICABLE,
                scores=tuple(scores.get(item.pk, ())),
            )
            for item in indicator.items.all()
        ]
    return rules.application_decide(
        rules.Rules(
            min_indicators=version.min_indicators,
            required_indicators=tuple(version.required_indicator_codes),
            item_share_needed=Fraction(str(version.item_share_needed)),
        ),
        chosen,
    )


def decision_reason_default(result: rules.IndicatorDecision) -> str:
    text = _("%(met)d of %(counted)d items met.") % {
        "met": result.items_met,
        "counted": result.items_counted,
    }
    if result.mandatory_failed:
        text += " " + _("Mandatory items not met: %(codes)s.") % {
            "codes": ", ".join(result.mandatory_failed)
        }
    return text


@transaction.atomic
def application_decide(*, application: Application, by, reasons: dict[str, str], now=None):
    """The chair (staff) confirms the computed decision, with a reason per indicator; an
    approval issues the certificate."""
    from tsunagu.tourism.services.certificates import certificate_issue

    _staff_check(by)
    application = _locked(application)
    if application.status != ApplicationStatus.PANEL_REVIEW:
        raise ValidationError(_("This application is not in panel review."))
    if not application.scores.exists():
        raise ValidationError(_("No assessor has scored this application yet."))
    decision = decision_compute(application)
    application.decision_reasons = {
        result.code: (reasons.get(result.code) or "").strip() or decision_reason_default(result)
        for result in decision.indicators
    }
    application.chair = by
    application.decided_at = now or timezone.now()
    status = ApplicationStatus.APPROVED if decision.approved else ApplicationStatus.REFUSED
    _set_status(application, status, by=by)
    if decision.approved:
        certificate_issue(application=application, codes=decision.certified_codes, by=by)
    return decision


@transaction.atomic
def appeal_lodge(*, application: Application, by, grounds: str, now=None) -> Appeal:
    if not is_operator_member(by, application.operator):
        raise PermissionDenied
    application = _locked(application)
    now = now or timezone.now()
    if application.status != ApplicationStatus.REFUSED:
        raise ValidationError(_("Only a refusal can be appealed."))
    if now > application.decided_at + timedelta(days=application.version.appeal_days):
        raise ValidationError(
            _("The appeal period of %(days)d days has ended.")
            % {"days": application.version.appeal_days}
        )
    if not grounds.strip():
        raise ValidationError(_("Give the grounds of the appeal."))
    appeal = Appeal.objects.create(application=application, grounds=grounds.strip(), lodged_by=by)
    _set_status(application, ApplicationStatus.APPEALED, by=by, note=grounds.strip())
    return appeal


@transaction.atomic
def appeal_reviewer_assign(*, appeal: Appeal, reviewer, by) -> Appeal:
    _staff_check(by)
    application = appeal.application
    if is_panel_member(reviewer, application) or application.chair_id == reviewer.pk:
        raise ValidationError(_("The appeal reviewer must not have decided on this application."))
    if (
        is_operator_member(reviewer, application.operator)
        or ConflictOfInterest.objects.filter(
            assessor=reviewer, operator=application.operator
        ).exists()
    ):
        raise ValidationError(_("The appeal reviewer must be independent of this operator."))
    appeal.reviewer = reviewer
    appeal.save()
    return appeal


@transaction.atomic
def appeal_decide(*, appeal: Appeal, by, uphold: bool, reason: str) -> Appeal:
    from tsunagu.tourism.services.certificates import certificate_issue

    if appeal.reviewer_id != by.pk:
        raise PermissionDenied
    if appeal.status != AppealStatus.PENDING:
        raise ValidationError(_("This appeal has already been decided."))
    if not reason.strip():
        raise ValidationError(_("Give the reason of the decision."))
    appeal.status = AppealStatus.UPHELD if uphold else AppealStatus.DISMISSED
    appeal.reason = reason.strip()
    appeal.decided_at = timezone.now()
    appeal.save()
    application = _locked(appeal.application)
    if uphold:
        _set_status(application, ApplicationStatus.APPROVED, by=by, note=appeal.reason)
        certificate_issue(
            application=application,
            codes=tuple(application.indicators.values_list("code", flat=True)),
            by=by,
        )
    else:
        _set_status(application, ApplicationStatus.REFUSED, by=by, note=appeal.reason)
    return appeal
