"""Assessors assigned to an application (accounts.ReviewAssignment) score it per criterion;
never the applicant, nor an assessor with a conflict of interest (selectors)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tsunagu.accounts import policy
from tsunagu.accounts.models import ReviewAssignment
from tsunagu.accounts.services import review_assign
from tsunagu.tourism_grants.models import ApplicationStatus, CriterionScore, GrantApplication
from tsunagu.tourism_grants.selectors import assessor_conflict_reason


def can_score(user, application: GrantApplication) -> bool:
    """Only an assessor assigned to this application, never the applicant nor one who has a
    conflict of interest with them (declared after being assigned, too)."""
    if not policy.is_assessor(user) or application.applicant_id == user.pk:
        return False
    assigned = ReviewAssignment.objects.filter(
        reviewer=user,
        content_type__app_label="tourism_grants",
        content_type__model="grantapplication",
        object_id=application.pk,
    ).exists()
    return assigned and assessor_conflict_reason(assessor=user, application=application) is None


@transaction.atomic
def assessor_assign(*, application: GrantApplication, assessor, assigned_by) -> ReviewAssignment:
    if not policy.is_city_staff(assigned_by):
        raise PermissionDenied
    if not policy.is_assessor(assessor):
        raise ValidationError(_("%(user)s is not an assessor.") % {"user": assessor})
    conflict = assessor_conflict_reason(assessor=assessor, application=application)
    if conflict:
        raise ValidationError(conflict)
    return review_assign(reviewer=assessor, obj=application, assigned_by=assigned_by)


@transaction.atomic
def scores_record(
    *, application: GrantApplication, assessor, scores: dict[int, int], comments=None
) -> list[CriterionScore]:
    """scores: criterion id -> score, for every criterion of the call."""
    if not can_score(assessor, application):
        raise PermissionDenied
    if application.status != ApplicationStatus.SUBMITTED:
        raise ValidationError(_("Only submitted applications are scored."))
    comments = comments or {}
    criteria = list(application.call.criteria.all())
    missing = [c for c in criteria if c.pk not in scores]
    if missing:
        raise ValidationError(
            _("Score every criterion: %(names)s is missing.")
            % {"names": ", ".join(c.name for c in missing)}
        )
    errors = [
        _("%(name)s: give a score from 0 to %(max)d.") % {"name": c.name, "max": c.max_score}
        for c in criteria
        if not 0 <= scores[c.pk] <= c.max_score
    ]
    if errors:
        raise ValidationError(errors)
    return [
        CriterionScore.objects.update_or_create(
            application=application,
            criterion=criterion,
            assessor=assessor,
            defaults={"score": scores[criterion.pk], "comment": comments.get(criterion.pk, "")},
        )[0]
        for criterion in criteria
    ]
