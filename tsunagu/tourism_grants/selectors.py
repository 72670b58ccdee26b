"""Reads: calls, a person's applications, weighted scores and the public list of awards."""

from collections import defaultdict

from django.db.models import QuerySet

from tsunagu.accounts import policy
from tsunagu.tourism_grants.models import Award, GrantApplication, GrantCall


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
