"""Reads for organisations and review assignments, filtered by what the user may see."""

from django.db.models import Q, QuerySet

from tsunagu.accounts.models import Organisation, ReviewAssignment
from tsunagu.accounts.policy import is_city_staff, organisation_ids
from tsunagu.core.models import PublicationStatus


def organisation_list(*, user) -> QuerySet[Organisation]:
    organisations = Organisation.objects.all()
    if is_city_staff(user):
        return organisations
    return organisations.filter(
        Q(status=PublicationStatus.PUBLISHED) | Q(pk__in=organisation_ids(user))
    )


def review_assignment_list(*, user) -> QuerySet[ReviewAssignment]:
    assignments = ReviewAssignment.objects.select_related("reviewer", "content_type")
    if is_city_staff(user):
        return assignments
    return assignments.filter(reviewer=user)
