"""Participants added by staff and the reports participants submit."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from tsunagu.accounts.policy import is_city_staff
from tsunagu.programmes.models import Participant, Programme, Report, ReportKind


@transaction.atomic
def participant_add(
    *,
    programme: Programme,
    year: int,
    name: str,
    by,
    count: int = 1,
    user=None,
    destination_city: str = "",
    destination_country: str = "",
    is_demo: bool = False,
) -> Participant:
    if not is_city_staff(by):
        raise PermissionDenied
    if count < 1:
        raise ValidationError(_("The number of people must be at least 1."))
    if destination_country and len(destination_country) != 2:
        raise ValidationError(_("Use the two-letter ISO code of the country."))
    return Participant.objects.create(
        programme=programme,
        year=year,
        name=name,
        count=count,
        user=user,
        destination_city=destination_city,
        destination_country=destination_country.upper(),
        is_demo=is_demo,
    )


@transaction.atomic
def report_submit(
    *,
    participant: Participant,
    by,
    kind: str,
    year: int,
    title: str,
    body: str,
    destination_city: str = "",
    destination_country: str = "",
) -> Report:
    """A participant reports on their own participation (staff may report for anyone)."""
    if participant.user_id != getattr(by, "pk", None) and not is_city_staff(by):
        raise PermissionDenied
    if kind not in ReportKind.values:
        raise ValidationError(_("Choose the type of report."))
    if not title.strip() or not body.strip():
        raise ValidationError(_("A report needs a title and a text."))
    if destination_country and len(destination_country) != 2:
        raise ValidationError(_("Use the two-letter ISO code of the country."))
    return Report.objects.create(
        participant=participant,
        kind=kind,
        year=year,
        title=title.strip(),
        body=body.strip(),
        destination_city=destination_city.strip() or participant.destination_city,
        destination_country=(destination_country or participant.destination_country).upper(),
        submitted_by=by,
        is_demo=participant.is_demo,
    )


@transaction.atomic
def report_publish(*, report: Report, by, published: bool = True) -> Report:
    if not is_city_staff(by):
        raise PermissionDenied
    report.is_published = published
    report.save(update_fields=["is_published"])
    return report
