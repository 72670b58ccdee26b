"""Applications: saved as drafts, submitted before the deadline, all-or-nothing."""

from collections.abc import Iterable
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from tsunagu.accounts import policy
from tsunagu.accounts.models import Organisation
from tsunagu.core.models import Goal
from tsunagu.tourism_grants.models import (
    ApplicationDocument,
    ApplicationStatus,
    BudgetLine,
    GrantApplication,
    GrantCall,
)
from tsunagu.tourism_grants.services.emails import application_email_send_on_commit
from tsunagu.tourism_grants.services.uploads import uploads_check


def call_open_check(call: GrantCall, now: datetime | None = None) -> None:
    now = now or timezone.now()
    if now < call.opens_at:
        raise ValidationError(
            _("This call opens on %(date)s.")
            % {"date": formats.date_format(timezone.localtime(call.opens_at), "DATETIME_FORMAT")}
        )
    if now >= call.deadline:
        raise ValidationError(
            _("This call closed on %(date)s: applications are no longer accepted.")
            % {"date": formats.date_format(timezone.localtime(call.deadline), "DATETIME_FORMAT")}
        )


def _check_fields(
    *,
    call: GrantCall,
    applicant,
    organisation: Organisation | None,
    project_title: str,
    description: str,
    requested_yen: int,
    goals: list[Goal],
    budget_lines: list[tuple[str, int]],
    submit: bool,
) -> None:
    errors: dict[str, list[str]] = {}

    def add(field: str, message: str) -> None:
        errors.setdefault(field, []).append(message)

    if organisation is not None and organisation.pk not in policy.organisation_ids(applicant):
        add("organisation", _("You can apply only for an organisation you belong to."))
    if not project_title.strip():
        add("project_title", _("Give the project a title."))
    if requested_yen <= 0:
        add("requested_yen", _("The requested amount must be more than ¥0."))
    elif requested_yen > call.max_award_yen:
        add(
            "requested_yen",
            _("The requested amount is above this call's maximum of ¥%(max)s.")
            % {"max": f"{call.max_award_yen:,}"},
        )
    for item, amount in budget_lines:
        if not item.strip() or amount <= 0:
            add("budget_lines", _("Each budget line needs an item and an amount above ¥0."))
            break
    if submit:
        if not description.strip():
            add("description", _("Describe the project before submitting."))
        if not goals:
            add("goals", _("Choose at least one SDG."))
        total = sum(amount for _item, amount in budget_lines)
        if not budget_lines:
            add("budget_lines", _("Add the budget lines before submitting."))
        elif total != requested_yen:
            add(
                "budget_lines",
                _("The budget lines add up to ¥%(total)s, not the requested ¥%(requested)s.")
                % {"total": f"{total:,}", "requested": f"{requested_yen:,}"},
            )
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def application_save(
    *,
    applicant,
    call: GrantCall,
    project_title: str,
    description: str,
    requested_yen: int,
    goals: Iterable[Goal] = (),
    budget_lines: Iterable[tuple[str, int]] = (),
    documents: Iterable = (),
    organisation: Organisation | None = None,
    application: GrantApplication | None = None,
    submit: bool = False,
    now: datetime | None = None,
) -> GrantApplication:
    """Create or update a draft (and submit it when `submit`: the applicant gets a receipt by
    email). Budget lines replace the old ones; documents are added. Nothing is written (nor
    sent) unless everything is valid."""
    if not applicant.is_authenticated:
        raise PermissionDenied
    if application is not None:
        application = GrantApplication.objects.select_for_update().get(pk=application.pk)
        if application.applicant_id != applicant.pk:
            raise PermissionDenied
        if application.status != ApplicationStatus.DRAFT:
            raise ValidationError(_("Only a draft can be changed; this one has been submitted."))
        call = application.call
    call_open_check(call, now)
    goals, budget_lines = list(goals), list(budget_lines)
    _check_fields(
        call=call,
        applicant=applicant,
        organisation=organisation,
        project_title=project_title,
        description=description,
        requested_yen=requested_yen,
        goals=goals,
        budget_lines=budget_lines,
        submit=submit,
    )
    checked = uploads_check(documents)

    if application is None:
        application = GrantApplication(call=call, applicant=applicant)
    application.organisation = organisation
    application.project_title = project_title.strip()
    application.description = description.strip()
    application.requested_yen = requested_yen
    if submit:
        application.status = ApplicationStatus.SUBMITTED
        application.submitted_at = now or timezone.now()
    application.save()
    application.goals.set(goals)
    application.budget_lines.all().delete()
    BudgetLine.objects.bulk_create(
        BudgetLine(application=application, item=item.strip(), amount_yen=amount)
        for item, amount in budget_lines
    )
    for upload in checked:
        document = ApplicationDocument(
            application=application, original_name=upload.name, content_type=upload.content_type
        )
        document.file.save(upload.name, upload.file, save=False)
        document.save()
    if submit:
        application_email_send_on_commit(application, "application_submitted")
    return application


@transaction.atomic
def application_reject(*, application: GrantApplication, decided_by) -> GrantApplication:
    if not policy.is_city_staff(decided_by):
        raise PermissionDenied
    updated = GrantApplication.objects.filter(
        pk=application.pk, status=ApplicationStatus.SUBMITTED
    ).update(status=ApplicationStatus.REJECTED)
    if not updated:
        raise ValidationError(_("Only a submitted application can be declined."))
    application.refresh_from_db()
    application_email_send_on_commit(application, "application_rejected")
    return application
