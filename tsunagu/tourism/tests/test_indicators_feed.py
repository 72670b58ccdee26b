"""The certified operators' share reaches the tourism indicators, and follows certificates."""

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.utils import timezone

from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.core.models import Area, AreaKind
from tsunagu.indicators.models import IndicatorValue
from tsunagu.tourism.indicators_feed import certified_operators_share, reference_date
from tsunagu.tourism.models import Operator
from tsunagu.tourism.services.certificates import certificate_status_set, certificates_daily
from tsunagu.tourism.services.reviews import application_decide
from tsunagu.tourism.tests.factories import in_panel, operator_for, score_all

pytestmark = pytest.mark.usefixtures("english_messages")
TODAY = date(2026, 6, 1)


@pytest.fixture
def city(db):
    city, _ = Area.objects.get_or_create(
        code="17201",
        defaults={"kind": AreaKind.MUNICIPALITY, "name_ja": "金沢市", "name_en": "Kanazawa"},
    )
    return city


@pytest.fixture
def district(city):
    return Area.objects.create(
        code="kanazawa-higashiyama", kind=AreaKind.DISTRICT, name="東山", parent=city
    )


def _certify(version, operator, member, staff, assessor):
    application = in_panel(version, operator, member, staff, assessor)
    score_all(application, assessor)
    application_decide(application=application, by=staff, reasons={})
    return application.certificate


@pytest.fixture
def four_operators(version, city, district, member, staff, assessor):
    """Four operators in the city (one in a district); one is certified."""
    operators = [
        operator_for(UserFactory(), name=f"Inn {n}", slug=f"inn-{n}") for n in range(3)
    ] + [operator_for(member, name="Certified Inn", slug="certified-inn")]
    for operator in operators[:3]:
        operator.area = city
        operator.save()
    operators[3].area = district
    operators[3].save()
    certificate = _certify(version, operators[3], member, staff, assessor)
    certificate.issued_on = date(2025, 4, 1)
    certificate.expires_on = date(2026, 4, 1)
    certificate.save()
    tz = timezone.get_current_timezone()
    Operator.objects.update(created_at=datetime(2025, 1, 10, tzinfo=tz))
    certificate.history.update(at=datetime(2025, 4, 1, 9, tzinfo=tz))
    return certificate


def test_reference_date_is_year_end_or_today():
    assert reference_date(2025, today=TODAY) == date(2025, 12, 31)
    assert reference_date(2026, today=TODAY) == TODAY
    assert reference_date(2027, today=TODAY) is None


def test_share_counts_certificates_in_force_and_district_operators(city, four_operators):
    assert certified_operators_share(city, 2025, today=TODAY) == 25.0
    # Expired on 1 April 2026: nothing in force on 1 June.
    assert certified_operators_share(city, 2026, today=TODAY) == 0.0
    # Before anything existed there is no denominator.
    assert certified_operators_share(city, 2019, today=TODAY) is None


def test_a_later_revocation_does_not_rewrite_the_past(city, four_operators, staff):
    certificate = four_operators
    certificate.expires_on = date(2026, 12, 31)
    certificate.save()
    with time_machine.travel(datetime(2026, 5, 1, 12, tzinfo=timezone.get_current_timezone())):
        certificate_status_set(certificate=certificate, by=staff, status="revoked", reason="Fraud")
    assert certified_operators_share(city, 2025, today=TODAY) == 25.0
    assert certified_operators_share(city, 2026, today=TODAY) == 0.0


@pytest.fixture
def statistics_2025(city, tmp_path):
    """A complete year of visitor statistics: the feed publishes the share for 2025."""
    from tsunagu.tourism_stats.services import visitor_statistics_import
    from tsunagu.tourism_stats.tests.factories import write_csv, year_rows

    visitor_statistics_import(path=write_csv(tmp_path, year_rows(year=2025)))


def _in_2025():
    tz = timezone.get_current_timezone()
    return time_machine.travel(datetime(2025, 7, 1, 10, tzinfo=tz), tick=False)


def test_issuing_a_certificate_updates_the_indicator(
    version, city, statistics_2025, member, staff, assessor, django_capture_on_commit_callbacks
):
    with _in_2025():
        operator = operator_for(member)
        other = operator_for(UserFactory(), name="Other", slug="other")
        for registered in (operator, other):
            registered.area = city
            registered.save()
        with django_capture_on_commit_callbacks(execute=True):
            _certify(version, operator, member, staff, assessor)
    value = IndicatorValue.objects.get(area=city, indicator__code="TS-CERTIFIED-SHARE", year=2025)
    assert value.value == 50.0
    # Only complete years are published: nothing for the year still running.
    assert not IndicatorValue.objects.filter(
        indicator__code="TS-CERTIFIED-SHARE", year=timezone.localdate().year
    ).exists()


def test_registering_an_operator_lowers_the_share(
    version, city, statistics_2025, member, staff, assessor, django_capture_on_commit_callbacks
):
    from tsunagu.tourism.services.operators import operator_create

    with _in_2025():
        certified = operator_for(member)
        certified.area = city
        certified.save()
        with django_capture_on_commit_callbacks(execute=True):
            _certify(version, certified, member, staff, assessor)
        with django_capture_on_commit_callbacks(execute=True):
            operator_create(name="New Inn", slug="new-inn", type="accommodation", area=city)
    value = IndicatorValue.objects.get(area=city, indicator__code="TS-CERTIFIED-SHARE", year=2025)
    assert value.value == 50.0


def test_frozen_clock_reminders_extension_and_expiry(
    version, city, member, staff, assessor, django_capture_on_commit_callbacks
):
    """The real clock path: the daily task runs on the days it would in production."""
    from django.core import mail
    from django.core.management import call_command

    from tsunagu.tourism.services.certificates import certificate_extend

    tz = timezone.get_current_timezone()
    operator = operator_for(member)
    operator.area = city
    operator.save()
    with time_machine.travel(datetime(2026, 4, 1, 10, tzinfo=tz), tick=False):
        certificate = _certify(version, operator, member, staff, assessor)
    assert (certificate.issued_on, certificate.expires_on) == (date(2026, 4, 1), date(2027, 4, 1))

    def run_on(day: date) -> None:
        moment = datetime.combine(day, datetime.min.time(), tz)
        with (
            time_machine.travel(moment, tick=False),
            django_capture_on_commit_callbacks(execute=True),
        ):
            call_command("tourism_certificates_daily")

    run_on(date(2027, 1, 31))  # 60 days before
    run_on(date(2027, 3, 18))  # 14 days before
    assert len(mail.outbox) == 2
    with time_machine.travel(datetime(2027, 3, 20, 9, tzinfo=tz), tick=False):
        certificate_extend(certificate=certificate, by=member, statement="We continue")
    certificate.refresh_from_db()
    assert certificate.expires_on == date(2028, 3, 31)
    run_on(date(2027, 4, 2))
    certificate.refresh_from_db()
    assert certificate.status == "current"
    run_on(date(2028, 3, 31))
    certificate.refresh_from_db()
    assert certificate.status == "current"
    run_on(date(2028, 4, 1))
    certificate.refresh_from_db()
    assert certificate.status == "expired"
    assert [entry.to_state for entry in certificate.history.all()] == [
        "current",
        "current",
        "expired",
    ]
    assert timezone.localtime(certificate.history.last().at).date() == date(2028, 4, 1)
    assert certified_operators_share(city, 2027, today=date(2028, 6, 1)) == 100.0
    assert certified_operators_share(city, 2028, today=date(2028, 6, 1)) == 0.0


def test_only_daily_runs_that_expire_something_republish(
    four_operators, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        certificates_daily(today=four_operators.expires_on - timedelta(days=100))
    assert callbacks == []
    with django_capture_on_commit_callbacks() as callbacks:
        certificates_daily(today=four_operators.expires_on + timedelta(days=1))
    assert len(callbacks) == 1
