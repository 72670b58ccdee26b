"""Writes for events, by topic; import them from here (`from tsunagu.events import services`)."""

from tsunagu.events.services.check_in import registration_check_in, registration_code_normalise
from tsunagu.events.services.invitations import invitation_create, invitation_url
from tsunagu.events.services.minutes import minutes_save
from tsunagu.events.services.registrations import (
    registration_allowed,
    registration_cancel,
    registration_create,
)
from tsunagu.events.services.reminders import REMINDER_WINDOW, reminders_send

__all__ = [
    "REMINDER_WINDOW",
    "invitation_create",
    "invitation_url",
    "minutes_save",
    "registration_allowed",
    "registration_cancel",
    "registration_check_in",
    "registration_code_normalise",
    "registration_create",
    "reminders_send",
]
