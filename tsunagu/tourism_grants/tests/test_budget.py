"""The call's budget is never over-committed and an award never overpaid."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum

from tsunagu.accounts.roles import Role
from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.tourism_grants.models import Award, GrantCall
from tsunagu.tourism_grants.services import award_decide, payment_record
from tsunagu.tourism_grants.tests.factories import GrantCallFactory, SubmittedApplicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    return UserFactory(roles=[Role.CITY_STAFF])


def test_awards_commit_the_budget_until_it_is_spent(staff):
    call = GrantCallFactory(budget_yen=2_000_000, max_award_yen=1_000_000)
    first, second, third = SubmittedApplicationFactory.create_batch(3, call=call)
    award_decide(application=first, amount_yen=1_000_000, decided_by=staff)
    award_decide(application=second, amount_yen=800_000, decided_by=staff)
    call.refresh_from_db()
    assert call.committed_yen == 1_800_000
    assert call.remaining_yen == 200_000
    with pytest.raises(ValidationError) as raised:
        award_decide(application=third, amount_yen=300_000, decided_by=staff)
    assert "200,000" in raised.value.messages[0]
    third.refresh_from_db()
    assert third.status == "submitted"
    award_decide(application=third, amount_yen=200_000, decided_by=staff)
    call.refresh_from_db()
    assert call.committed_yen == call.budget_yen == 2_000_000


def test_an_application_is_awarded_once(staff):
    application = SubmittedApplicationFactory()
    award_decide(application=application, amount_yen=500_000, decided_by=staff)
    with pytest.raises(ValidationError):
        award_decide(application=application, amount_yen=500_000, decided_by=staff)
    application.call.refresh_from_db()
    assert application.call.committed_yen == 500_000


def test_award_limits_and_permission(staff):
    application = SubmittedApplicationFactory(requested_yen=400_000)
    with pytest.raises(ValidationError):
        award_decide(application=application, amount_yen=500_000, decided_by=staff)
    with pytest.raises(ValidationError):
        award_decide(application=application, amount_yen=0, decided_by=staff)
    with pytest.raises(PermissionDenied):
        award_decide(
            application=application,
            amount_yen=100_000,
            decided_by=UserFactory(roles=[Role.ASSESSOR]),
        )
    assert not Award.objects.exists()


def test_the_database_refuses_an_over_commitment_even_without_the_service():
    call = GrantCallFactory(budget_yen=1_000)
    with pytest.raises(IntegrityError), transaction.atomic():
        GrantCall.objects.filter(pk=call.pk).update(committed_yen=1_001)


def test_payments_never_exceed_the_award(staff):
    award = award_decide(
        application=SubmittedApplicationFactory(), amount_yen=900_000, decided_by=staff
    )
    assert award.payment_status == "pending"
    payment_record(award=award, amount_yen=400_000, paid_on=date(2026, 7, 1), recorded_by=staff)
    assert award.payment_status == "partly_paid"
    with pytest.raises(ValidationError) as raised:
        payment_record(award=award, amount_yen=500_001, paid_on=date(2026, 8, 1), recorded_by=staff)
    assert "500,000" in raised.value.messages[0]
    payment_record(award=award, amount_yen=500_000, paid_on=date(2026, 8, 1), recorded_by=staff)
    award.refresh_from_db()
    assert award.payment_status == "paid"
    assert award.payments.aggregate(total=Sum("amount_yen"))["total"] == award.amount_yen
