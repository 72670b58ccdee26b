"""Reads: calls, a person's applications, who may not assess an application (conflicts of
interest), weighted scores and the public list of awards."""

from collections import defaultdict

from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from tsunagu.accounts import policy
from tsunagu.tourism.models import ConflictOfInterest, Operator
from tsunagu.tourism_grants.models import Award, GrantApplication, GrantCall, GrantConflict


def call_list() -> QuerySet[GrantCall]:
    return GrantCall.objects.all()


def application_list_for_user(user) -> QuerySet[GrantApplication]:
    return (
        GrantApplication.objects.filter(applicant=user)
        .select_related("call", "award", "organisation")
        .order_by("-created_at")
    )


def application_can_view(user, application: GrantApplication) -> bool:
    from tsunagu.tourism_grants.services import can_score

    if not user.is_authenticated:
        return False
    return (
        application.applicant_id == user.pk
        or policy.is_city_staff(user)
        or can_score(user, application)
    )


def _applicant_q(application: GrantApplication, *, applicant: str, organisation: str) -> Q:
    """Matches rows naming this application's applicant or the organisation applied for."""
    match = Q(**{applicant: application.applicant_id})
    if application.organisation_id:
        match |= Q(**{organisation: application.organisation_id})
    return match


def operators_of_applicant(application: GrantApplication) -> QuerySet[Operator]:
    """The tourism operators the applicant acts for (as a member) or that belong to the
    organisation applied for (through its programme partner)."""
    return Operator.objects.filter(
        _applicant_q(application, applicant="members", organisation="partner__organisation")
    ).distinct()


def assessor_conflict_reason(*, assessor, application: GrantApplication) -> str | None:
    """Why this account may not assess this application, or None: it is the applicant, a
    member of the organisation applied for, or it declared a conflict of interest with the
    applicant, for grants or (tourism accreditation) with an operator linked to the applicant."""
    if assessor.pk == application.applicant_id:
        return _("The applicant cannot assess their own application.")
    if (
        application.organisation_id
        and assessor.organisations.filter(pk=application.organisation_id).exists()
    ):
        return _("%(user)s is a member of the applying organisation.") % {"user": assessor}
    declared = GrantConflict.objects.filter(
        _applicant_q(application, applicant="applicant", organisation="organisation"),
        assessor=assessor,
    )
    if declared.exists():
        return _("%(user)s declared a conflict of interest with this applicant.") % {
            "user": assessor
        }
    tourism = (
        ConflictOfInterest.objects.filter(
            assessor=assessor, operator__in=operators_of_applicant(application)
        )
        .select_related("operator")
        .first()
    )
    if tourism is not None:
        return _(
            "%(user)s declared a conflict of interest with %(operator)s, a tourism operator "
            "linked to this applicant."
        ) % {"user": assessor, "operator": tourism.operator}
    return None


def application_weighted_score(application: GrantApplication) -> float | None:
    """0–100: per criterion the mean of the assessors' scores over its maximum, weighted."""
    by_criterion: dict[int, list[int]] = defaultdict(list)
    criteria = {}
    for score in application.scores.select_related("criterion"):
        by_criterion[score.criterion_id].append(score.score)
        criteria[score.criterion_id] = score.criterion
    if not by_criterion:
        return None
    total_weight = sum(c.weight for c in application.call.criteria.all()) or 1
    weighted = sum(
        criteria[pk].weight * (sum(values) / len(values)) / (criteria[pk].max_score or 1)
        for pk, values in by_criterion.items()
    )
    return round(100 * weighted / total_weight, 1)


def call_review_rows(call: GrantCall) -> list[dict]:
    """Submitted and decided applications of a call, best weighted score first."""
    applications = (
        call.applications.exclude(status="draft")
        .select_related("organisation", "applicant")
        .prefetch_related("scores__criterion")
    )
    rows = [
        {
            "application": application,
            "score": application_weighted_score(application),
            "assessors": len({s.assessor_id for s in application.scores.all()}),
            "award": getattr(application, "award", None),
        }
        for application in applications
    ]
    rows.sort(key=lambda row: (row["score"] is None, -(row["score"] or 0)))
    return rows


def award_list_public(call: GrantCall | None = None) -> QuerySet[Award]:
    awards = Award.objects.select_related(
        "application__call", "application__organisation", "application__applicant"
    ).order_by("-application__call__deadline", "application__project_title")
    if call is not None:
        awards = awards.filter(application__call=call)
    return awards
