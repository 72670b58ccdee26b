"""Many staff award on the same call at the same moment: the budget is never over-committed."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connections
from django.db.models import Sum

from tsunagu.accounts.roles import Role
from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.tourism_grants.models import Award
from tsunagu.tourism_grants.services import award_decide
from tsunagu.tourism_grants.tests.factories import GrantCallFactory, SubmittedApplicationFactory

APPLICATIONS = 30
AMOUNT = 300_000
BUDGET = 3_000_000  # room for exactly 10 awards


@pytest.mark.django_db(transaction=True)
def test_parallel_awards_never_exceed_the_budget():
    """Real threads, each with its own database connection, released together. The conditional
    UPDATE lets exactly as many through as the budget allows; the others are refused cleanly."""
    staff = UserFactory(roles=[Role.CITY_STAFF])
    call = GrantCallFactory(budget_yen=BUDGET, max_award_yen=AMOUNT)
    applications = SubmittedApplicationFactory.create_batch(
        APPLICATIONS, call=call, requested_yen=AMOUNT
    )
    start = threading.Barrier(APPLICATIONS)
    refused: list[ValidationError] = []
    errors: list[BaseException] = []

    def award(application) -> None:
        try:
            start.wait(timeout=30)
            award_decide(application=application, amount_yen=AMOUNT, decided_by=staff)
        except ValidationError as error:
            refused.append(error)
        except BaseException as error:
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=award, args=(a,)) for a in applications]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert not any(thread.is_alive() for thread in threads)
    assert errors == [], {repr(e) for e in errors}
    call.refresh_from_db()
    awarded = Award.objects.filter(application__call=call)
    assert awarded.aggregate(total=Sum("amount_yen"))["total"] == BUDGET
    assert call.committed_yen == BUDGET
    assert awarded.count() == BUDGET // AMOUNT
    assert len(refused) == APPLICATIONS - BUDGET // AMOUNT
    assert call.applications.filter(status="awarded").count() == BUDGET // AMOUNT
