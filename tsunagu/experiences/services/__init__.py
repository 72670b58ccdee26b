from .bookings import (
    booking_cancel,
    booking_check_in,
    booking_create,
    booking_mark_no_show,
    booking_may_cancel,
    cancellation_deadline,
    cancellation_within_policy,
)
from .reviews import review_allowed, review_create, review_moderate
from .schedules import slot_close, slot_create, slots_generate
from .waitlist import (
    waitlist_join,
    waitlist_offer_accept,
    waitlist_offer_next,
    waitlist_offers_expire,
)

__all__ = [
    "booking_cancel",
    "booking_check_in",
    "booking_create",
    "booking_mark_no_show",
    "booking_may_cancel",
    "cancellation_deadline",
    "cancellation_within_policy",
    "review_allowed",
    "review_create",
    "review_moderate",
    "slot_close",
    "slot_create",
    "slots_generate",
    "waitlist_join",
    "waitlist_offer_accept",
    "waitlist_offer_next",
    "waitlist_offers_expire",
]
