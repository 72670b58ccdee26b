from .bookings import Booking, BookingStatus, WaitlistEntry, WaitlistStatus
from .experiences import LANGUAGE_CHOICES, Experience, WorkshopClosure
from .reviews import Review, ReviewStatus
from .slots import Schedule, Slot, SlotStatus

__all__ = [
    "LANGUAGE_CHOICES",
    "Booking",
    "BookingStatus",
    "Experience",
    "Review",
    "ReviewStatus",
    "Schedule",
    "Slot",
    "SlotStatus",
    "WaitlistEntry",
    "WaitlistStatus",
    "WorkshopClosure",
]
