"""The traffic light as a pure function of two moments."""

from datetime import UTC, date, datetime, time

import pytest
from django.utils import timezone

from tsunagu.projects.light import GREEN, RED, YELLOW, months_before, traffic_light

NOW = timezone.make_aware(datetime(2026, 6, 15, 12))


@pytest.mark.parametrize(
    ("months", "colour"),
    [(0, GREEN), (11, GREEN), (12, GREEN), (13, YELLOW), (24, YELLOW), (25, RED), (60, RED)],
)
def test_light_by_months_since_the_last_report(months, colour):
    last = timezone.make_aware(datetime.combine(months_before(NOW.date(), months), time(9)))
    assert traffic_light(last, NOW) == colour


def test_the_day_after_twelve_months_is_yellow():
    assert traffic_light(date(2025, 6, 15), date(2026, 6, 15)) == GREEN
    assert traffic_light(date(2025, 6, 14), date(2026, 6, 15)) == YELLOW
    assert traffic_light(date(2024, 6, 15), date(2026, 6, 15)) == YELLOW
    assert traffic_light(date(2024, 6, 14), date(2026, 6, 15)) == RED


def test_months_before_keeps_to_the_end_of_shorter_months():
    assert months_before(date(2024, 2, 29), 12) == date(2023, 2, 28)
    assert months_before(date(2026, 5, 31), 1) == date(2026, 4, 30)
    assert months_before(date(2026, 1, 10), 1) == date(2025, 12, 10)


def test_light_uses_local_dates():
    # 23:30 UTC on 31 May is already 1 June in Kanazawa
    last = datetime(2025, 5, 31, 23, 30, tzinfo=UTC)
    assert traffic_light(last, date(2026, 6, 1)) == GREEN
