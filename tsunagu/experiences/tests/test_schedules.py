"""Slots generated from a schedule: closed weekdays, public holidays, workshop closures."""

from datetime import date, time, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tsunagu.experiences import services
from tsunagu.experiences.models import Schedule, WorkshopClosure
from tsunagu.experiences.tests.factories import ExperienceFactory

pytestmark = pytest.mark.django_db

# 2026-05-04 (Mon) to 2026-05-10 (Sun): 4, 5 and 6 May are public holidays (Greenery Day,
# Children's Day, substitute holiday; Cabinet Office list, checked with jpholiday).
WEEK = (date(2026, 5, 4), date(2026, 5, 10))


def _schedule(**extra) -> Schedule:
    fields = {
        "start_times": "10:00,11:30,13:30,15:00",
        "closed_weekdays": "2",
        "closed_on_public_holidays": True,
        "capacity": 8,
        "valid_from": date(2026, 1, 1),
    }
    return Schedule.objects.create(experience=ExperienceFactory(), **{**fields, **extra})


def _days(schedule):
    return sorted({timezone.localtime(s.start).date() for s in schedule.experience.slots.all()})


def test_four_sessions_a_day_closed_on_wednesdays_and_public_holidays():
    schedule = _schedule()
    created = services.slots_generate(schedule=schedule, date_from=WEEK[0], date_to=WEEK[1])
    # 4, 5, 6 May holidays (6th is a Wednesday too): Thursday to Sunday remain.
    assert _days(schedule) == [date(2026, 5, d) for d in (7, 8, 9, 10)]
    assert created == 16
    first = schedule.experience.slots.order_by("start").first()
    assert timezone.localtime(first.start).time() == time(10, 0)
    assert (first.end - first.start).total_seconds() == 90 * 60
    assert first.capacity == 8


def test_generation_is_idempotent():
    schedule = _schedule()
    services.slots_generate(schedule=schedule, date_from=WEEK[0], date_to=WEEK[1])
    assert services.slots_generate(schedule=schedule, date_from=WEEK[0], date_to=WEEK[1]) == 0
    assert schedule.experience.slots.count() == 16


def test_holidays_can_stay_open_and_workshop_closures_are_skipped():
    schedule = _schedule(closed_on_public_holidays=False, closed_weekdays="")
    WorkshopClosure.objects.create(workshop=schedule.experience.workshop, date=date(2026, 5, 9))
    services.slots_generate(schedule=schedule, date_from=WEEK[0], date_to=WEEK[1])
    assert date(2026, 5, 4) in _days(schedule)
    assert date(2026, 5, 9) not in _days(schedule)
    assert len(_days(schedule)) == 6


def test_bad_schedule_text_is_refused():
    with pytest.raises(ValidationError):
        services.slots_generate(
            schedule=_schedule(start_times="10h"), date_from=WEEK[0], date_to=WEEK[1]
        )
    with pytest.raises(ValidationError):
        services.slots_generate(
            schedule=_schedule(closed_weekdays="9"), date_from=WEEK[0], date_to=WEEK[1]
        )


def test_manual_slot():
    experience = ExperienceFactory()
    start = timezone.now().replace(microsecond=0)
    slot = services.slot_create(experience=experience, start=start, capacity=4)
    assert slot.end - slot.start == timedelta(minutes=90)
    with pytest.raises(ValidationError):
        services.slot_create(experience=experience, start=start, capacity=4)
