"""Darwin Core eventDate: ISO 8601 dates, date-times, partial dates and intervals."""

import contextlib
import datetime as dt
import re

from django.utils import timezone

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?$")


def _start(text: str) -> dt.datetime | None:
    text = text.strip()
    match = _PARTIAL.match(text)
    if match:
        year, month, day = (int(part) if part else 1 for part in match.groups())
        return dt.datetime(year, month, day)
    if re.match(r"^\d{4}-\d{2}-\d{2}[T ]", text):
        value = text.replace(" ", "T", 1)
        if value.endswith("Z"):
            value = value[:-1] + "+00:00"
        # "2011-10-22T00:00+0900" -> "+09:00"
        value = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", value)
        return dt.datetime.fromisoformat(value)
    return None


def _from_parts(year: str, month: str, day: str) -> dt.datetime:
    """Publishers write 0 or leave blank an unknown month or day: the date starts the year
    or the month then."""
    moment = dt.datetime(int(year), 1, 1)
    if month.isdigit() and 1 <= int(month) <= 12:
        moment = moment.replace(month=int(month))
        if day.isdigit() and int(day) >= 1:
            with contextlib.suppress(ValueError):  # 31 April: keep the month
                moment = moment.replace(day=int(day))
    return moment


def event_datetime(values: dict[str, str]) -> tuple[dt.datetime | None, bool]:
    """The start of the event as an aware datetime (local midnight for a date, the first day
    for a month or year) from eventDate, or else from year/month/day (then True second).
    Raises ValueError when there is a date that is not one."""
    text = values.get("eventDate", "").strip()
    moment = None
    if text:
        try:
            moment = _start(text.split("/", 1)[0])
        except ValueError:
            moment = None
    fallback = moment is None and bool(values.get("year", "").strip())
    if fallback:
        moment = _from_parts(*(values.get(key, "").strip() for key in ("year", "month", "day")))
    if moment is None:
        if text:
            raise ValueError(text)
        return None, False
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    # In UTC: comparing with the stored value must not depend on local-time folds (Tokyo's
    # 1888 change of offset makes 1888-01-01 00:00 local ambiguous).
    return moment.astimezone(dt.UTC), fallback and bool(text)
