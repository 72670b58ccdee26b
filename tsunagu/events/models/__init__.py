from .events import Audience, Event, EventKind, EventMode, EventSeries, EventStatus, SchoolLevel
from .invitations import Invitation, invitation_token_new
from .minutes import Minutes, MinutesRevision
from .questions import Answer, Question, QuestionKind
from .registrations import Registration, RegistrationStatus, registration_code_new

__all__ = [
    "Answer",
    "Audience",
    "Event",
    "EventKind",
    "EventMode",
    "EventSeries",
    "EventStatus",
    "Invitation",
    "Minutes",
    "MinutesRevision",
    "Question",
    "QuestionKind",
    "Registration",
    "RegistrationStatus",
    "SchoolLevel",
    "invitation_token_new",
    "registration_code_new",
]
