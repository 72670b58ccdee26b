"""Awards and payments. The call's budget is never over-committed: the commitment is one
conditional UPDATE on the call row (committed + amount <= budget), so of two staff awarding at
the same moment the second finds the row already changed; a check constraint backs it up.
Payments use the same pattern against the award."""

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from tsunagu.accounts import policy
from tsunagu.events.services._locking import retry_when_sqlite_is_locked
from tsunagu.tourism_grants.models import (
    ApplicationStatus,
    Award,
    GrantApplication,
    GrantCall,
    Payment,
)
from tsunagu.tourism_grants.services.emails import application_email_send_on_commit


@retry_when_sqlite_is_locked
@transaction.atomic
def award_decide(*, application: GrantApplication, amount_yen: int, decided_by) -> Award:
    if not policy.is_city_staff(decided_by):
        raise PermissionDenied
    application = GrantApplication.objects.select_related("call").get(pk=application.pk)
    call = application.call
    if application.status != ApplicationStatus.SUBMITTED:
        raise ValidationError(_("Only a submitted application can receive an award."))
    if amount_yen <= 0:
        raise ValidationError(_("The award must be more than ¥0."))
    if amount_yen > min(call.max_award_yen, application.requested_yen):
        raise ValidationError(
            _("The award cannot exceed the requested amount or the call's maximum (¥%(max)s).")
            % {"max": f"{min(call.max_award_yen, application.requested_yen):,}"}
        )
    committed = GrantCall.objects.filter(
        pk=call.pk, committed_yen__lte=F("budget_yen") - amount_yen
    ).update(committed_yen=F("committed_yen") + amount_yen)
    if not committed:
        call.refresh_from_db(fields=["committed_yen"])
        raise ValidationError(
            _("Not enough budget left: ¥%(remaining)s remain, the award is ¥%(amount)s.")
            % {"remaining": f"{call.remaining_yen:,}", "amount": f"{amount_yen:,}"}
        )
    taken = GrantApplication.objects.filter(
        pk=application.pk, status=ApplicationStatus.SUBMITTED
    ).update(status=ApplicationStatus.AWARDED)
    if not taken:  # someone else decided it meanwhile; the commitment above is rolled back
        raise ValidationError(_("Only a submitted application can receive an award."))
    award = Award.objects.create(
        application=application, amount_yen=amount_yen, decided_by=decided_by
    )
    application_email_send_on_commit(application, "application_awarded", award=award)
    return award


@retry_when_sqlite_is_locked
@transaction.atomic
def payment_record(
    *, award: Award, amount_yen: int, paid_on: date, recorded_by, note: str = ""
) -> Payment:
    if not policy.is_city_staff(recorded_by):
        raise PermissionDenied
    if amount_yen <= 0:
        raise ValidationError(_("A payment must be more than ¥0."))
    paid = Award.objects.filter(pk=award.pk, paid_yen__lte=F("amount_yen") - amount_yen).update(
        paid_yen=F("paid_yen") + amount_yen
    )
    if not paid:
        award.refresh_from_db(fields=["paid_yen"])
        raise ValidationError(
            _("This payment would exceed the award: ¥%(left)s is left to pay.")
            % {"left": f"{award.amount_yen - award.paid_yen:,}"}
        )
    award.refresh_from_db(fields=["paid_yen"])
    payment = Payment.objects.create(
        award=award, amount_yen=amount_yen, paid_on=paid_on, recorded_by=recorded_by, note=note
    )
    application_email_send_on_commit(
        award.application,
        "payment_recorded",
        award=award,
        payment=payment,
        paid_yen=award.paid_yen,
        remaining_yen=award.amount_yen - award.paid_yen,
    )
    return payment
