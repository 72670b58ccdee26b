from .events import Audience, Event, EventKind, EventMode, EventSeries, EventStatus
from .registrations import Registration, RegistrationStatus, registration_code_new

__all__ = [
    "Audience",
    "Event",
    "EventKind",
    "EventMode",
    "EventSeries",
    "EventStatus",
    "Registration",
    "RegistrationStatus",
    "registration_code_new",
]
