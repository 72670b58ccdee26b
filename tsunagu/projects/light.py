"""The reporting traffic light of a project: a pure function of two moments.

green  — the last progress report (or the registration, if none yet) is at most 12 months old;
yellow — older than 12 months;
red    — older than 24 months (the periodic task then marks the project inactive).

Months are calendar months on local dates: a report of 31 March turns yellow after
31 March of the next year. Completed and stopped projects report no more and have no light.
"""

import calendar
from datetime import date, datetime, time

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

GREEN, YELLOW, RED, NOT_APPLICABLE = "green", "yellow", "red", "n/a"
YELLOW_AFTER_MONTHS = 12
RED_AFTER_MONTHS = 24

LABELS = {
    GREEN: _("Reporting up to date"),
    YELLOW: _("Report overdue: over 12 months"),
    RED: _("Report overdue: over 24 months"),
    NOT_APPLICABLE: _("Finished: no more reports"),
}
CHOICES = [(GREEN, _("Green")), (YELLOW, _("Yellow")), (RED, _("Red"))]


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier (29 Feb → 28 Feb, 31 May → 30 Apr)."""
    total = day.year * 12 + day.month - 1 - months
    year, month = divmod(total, 12)
    month += 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _local_date(moment: date | datetime) -> date:
    if isinstance(moment, datetime):
        return timezone.localdate(moment) if timezone.is_aware(moment) else moment.date()
    return moment


def traffic_light(last_activity: date | datetime, now: date | datetime) -> str:
    """'green', 'yellow' or 'red' for a project last reported (or registered) at last_activity."""
    last, today = _local_date(last_activity), _local_date(now)
    if last < months_before(today, RED_AFTER_MONTHS):
        return RED
    if last < months_before(today, YELLOW_AFTER_MONTHS):
        return YELLOW
    return GREEN


def cutoff(today: date, months: int) -> datetime:
    """The first moment that is not older than `months` months on `today` (for SQL filters)."""
    return timezone.make_aware(datetime.combine(months_before(today, months), time.min))
