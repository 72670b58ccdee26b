"""Conflicts of interest: an assessor declares one with an application's applicant (or city
staff record it for them); from then on they are not assigned to that applicant's applications
(services.scoring) and leave the ones still being assessed."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from tsunagu.accounts import policy
from tsunagu.accounts.models import ReviewAssignment
from tsunagu.tourism_grants.models import (
    ApplicationStatus,
    CriterionScore,
    GrantApplication,
    GrantConflict,
)


@transaction.atomic
def conflict_declare(
    *, assessor, application: GrantApplication, declared_by, note: str = ""
) -> GrantConflict:
    """The assessor's declaration covering the application's applicant and the organisation
    applied for. The assessor's assignments and scores on that applicant's applications still
    under assessment are removed: they must not count in the decision."""
    if declared_by.pk != assessor.pk and not policy.is_city_staff(declared_by):
        raise PermissionDenied
    if not policy.is_assessor(assessor):
        raise ValidationError(_("%(user)s is not an assessor.") % {"user": assessor})
    if assessor.pk == application.applicant_id:
        raise ValidationError(_("The applicant cannot assess their own application."))
    conflict, _created = GrantConflict.objects.get_or_create(
        assessor=assessor,
        applicant_id=application.applicant_id,
        organisation_id=application.organisation_id,
        defaults={"note": note.strip(), "declared_by": declared_by},
    )
    same_applicant = Q(applicant_id=application.applicant_id)
    if application.organisation_id:
        same_applicant |= Q(organisation_id=application.organisation_id)
    covered_ids = list(
        GrantApplication.objects.filter(
            same_applicant, status=ApplicationStatus.SUBMITTED
        ).values_list("pk", flat=True)
    )
    ReviewAssignment.objects.filter(
        reviewer=assessor,
        content_type=ContentType.objects.get_for_model(GrantApplication),
        object_id__in=covered_ids,
    ).delete()
    CriterionScore.objects.filter(assessor=assessor, application_id__in=covered_ids).delete()
    return conflict
