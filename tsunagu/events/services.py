"""Writes for events: registration, cancellation with waitlist promotion, check-in.

Capacity is never oversold: every write that changes who holds a seat first locks the event
row (SELECT ... FOR UPDATE on PostgreSQL) and counts the confirmed seats under that lock.
SQLite has no row locks but serialises writers; a writer that finds the database locked
gives up at once, so on SQLite the whole transaction is retried a few times.
"""

import functools
import logging
import random
import time
from collections.abc import Callable
from typing import ParamSpec, TypeVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import OperationalError, connection, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from tsunagu.accounts.policy import is_city_staff, organisation_ids
from tsunagu.events.models import (
    Audience,
    Event,
    EventStatus,
    Registration,
    RegistrationStatus,
)

logger = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")

SQLITE_LOCK_ATTEMPTS = 40


def _sqlite_locked(error: OperationalError) -> bool:
    return (
        connection.vendor == "sqlite" and not connection.in_atomic_block and "locked" in str(error)
    )


def _retry_when_sqlite_is_locked(func: Callable[P, R]) -> Callable[P, R]:
    """Run func again when SQLite refuses a concurrent writer ("database is locked").

    Only outside an enclosing transaction: a retry inside someone else's transaction
    would repeat half of it.
    """

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        for attempt in range(SQLITE_LOCK_ATTEMPTS - 1):
            try:
                return func(*args, **kwargs)
            except OperationalError as error:
                if not _sqlite_locked(error):
                    raise
            time.sleep(random.uniform(0.001, 0.005 * 2 ** min(attempt, 5)))  # noqa: S311
        return func(*args, **kwargs)

    return wrapper


def _event_lock(event: Event) -> Event:
    return Event.objects.select_for_update().get(pk=event.pk)


def _confirmed_count(event: Event) -> int:
    return event.registrations.filter(status=RegistrationStatus.CONFIRMED).count()


def _may_register(event: Event, user) -> bool:
    if event.audience == Audience.PARTNERS_ONLY:
        return bool(user and (is_city_staff(user) or organisation_ids(user)))
    if event.audience == Audience.INVITED:
        return bool(user and is_city_staff(user))
    return True


def _send(registration: Registration, template: str, subject: str) -> None:
    """Email the registrant in their language; a mail failure must not undo the registration."""
    with translation.override(registration.language):
        context = {"registration": registration, "event": registration.event}
        try:
            send_mail(
                subject=_(subject) % {"title": registration.event.title},
                message=render_to_string(f"events/email/{template}.txt", context),
                from_email=settings.DEFAULT_FROM_EMAIL,
                recipient_list=[registration.email],
            )
        except Exception:
            logger.exception("could not email registration %s", registration.pk)


# Marked for translation here, translated when the mail is sent, in the registrant's language.
EMAILS = {
    "confirmed": ("registration_confirmed", gettext_noop("Registration confirmed: %(title)s")),
    "waitlisted": ("registration_waitlisted", gettext_noop("Waiting list: %(title)s")),
    "promoted": ("registration_promoted", gettext_noop("A seat is now yours: %(title)s")),
}


def _send_later(registration: Registration, what: str) -> None:
    template, subject = EMAILS[what]
    transaction.on_commit(lambda: _send(registration, template, subject))


@_retry_when_sqlite_is_locked
@transaction.atomic
def registration_create(*, event: Event, name: str, email: str, user=None) -> Registration:
    """Register one person (one email address) for an event: a seat if one is free, else the
    waiting list."""
    event = _event_lock(event)
    email = email.strip()
    if event.status != EventStatus.PUBLISHED:
        raise ValidationError(_("This event is not open for registration."), code="not_open")
    if timezone.now() >= event.registration_closes_at:
        raise ValidationError(_("Registration for this event has closed."), code="closed")
    if not _may_register(event, user):
        raise ValidationError(
            _("Registration for this event is limited to its audience: %(audience)s.")
            % {"audience": event.get_audience_display()},
            code="audience",
        )
    active = event.registrations.exclude(status=RegistrationStatus.CANCELLED)
    if active.filter(email__iexact=email).exists():
        raise ValidationError(
            _("This email address is already registered for this event."), code="duplicate"
        )
    has_seat = event.capacity is None or _confirmed_count(event) < event.capacity
    registration = Registration.objects.create(
        event=event,
        user=user if user is not None and user.is_authenticated else None,
        name=name.strip(),
        email=email,
        status=RegistrationStatus.CONFIRMED if has_seat else RegistrationStatus.WAITLISTED,
        language=translation.get_language() or settings.LANGUAGE_CODE,
    )
    _send_later(registration, registration.status)
    return registration


def _waitlist_promote(event: Event) -> list[Registration]:
    """Give free seats to the oldest waitlisted registrations. Call with the event locked."""
    waitlist = event.registrations.filter(status=RegistrationStatus.WAITLISTED).order_by(
        "created_at", "pk"
    )
    if event.capacity is not None:
        free = max(event.capacity - _confirmed_count(event), 0)
        waitlist = waitlist[:free]
    promoted = list(waitlist)
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
        registration.save(update_fields=["status"])
        _send_later(registration, "promoted")
    return promoted


@_retry_when_sqlite_is_locked
@transaction.atomic
def registration_cancel(*, registration: Registration) -> list[Registration]:
    """Cancel a registration and hand its seat to the waiting list; returns who was promoted."""
    event = _event_lock(registration.event)
    current = Registration.objects.get(pk=registration.pk)
    if current.status == RegistrationStatus.CANCELLED:
        raise ValidationError(
            _("This registration is already cancelled."), code="already_cancelled"
        )
    if timezone.now() >= event.cancellation_closes_at:
        raise ValidationError(
            _("The cancellation deadline for this event has passed."), code="cancellation_closed"
        )
    current.status = RegistrationStatus.CANCELLED
    current.cancelled_at = timezone.now()
    current.save(update_fields=["status", "cancelled_at"])
    registration.status, registration.cancelled_at = current.status, current.cancelled_at
    return _waitlist_promote(event)


def registration_code_normalise(code: str) -> str:
    """Codes are typed by hand at the door: ignore case, spaces and hyphens."""
    return "".join(code.split()).replace("-", "").upper()


@_retry_when_sqlite_is_locked
@transaction.atomic
def registration_check_in(*, event: Event, code: str) -> Registration:
    """Record that the holder of a confirmed registration has arrived (once)."""
    normalised = registration_code_normalise(code)
    registration = (
        Registration.objects.select_for_update(of=("self",))
        .select_related("event")
        .filter(code=normalised)
        .first()
    )
    if registration is None or not normalised:
        raise ValidationError(
            _("No registration has the code %(code)s.") % {"code": code.strip()}, code="unknown"
        )
    if registration.event_id != event.pk:
        raise ValidationError(
            _("The code %(code)s is for another event: %(event)s.")
            % {"code": registration.code, "event": registration.event.title},
            code="other_event",
        )
    if registration.status == RegistrationStatus.CANCELLED:
        raise ValidationError(
            _("The registration %(code)s was cancelled.") % {"code": registration.code},
            code="cancelled",
        )
    if registration.status == RegistrationStatus.WAITLISTED:
        raise ValidationError(
            _("The registration %(code)s is on the waiting list and has no seat.")
            % {"code": registration.code},
            code="waitlisted",
        )
    if registration.checked_in_at is not None:
        checked_in_at = timezone.localtime(registration.checked_in_at)
        raise ValidationError(
            _("%(name)s (%(code)s) already checked in at %(time)s.")
            % {
                "name": registration.name,
                "code": registration.code,
                "time": checked_in_at.strftime("%H:%M"),
            },
            code="already_checked_in",
        )
    registration.checked_in_at = timezone.now()
    registration.save(update_fields=["checked_in_at"])
    return registration
