"""The only writers of Slot.seats_taken. Each is one conditional UPDATE: taking n seats
succeeds only while `seats_taken + n <= capacity` holds in the row being updated. On
PostgreSQL a concurrent UPDATE of the same row waits for the first to commit and then
re-checks the condition against the new value; SQLite runs one writer at a time (IMMEDIATE
transactions). Either way no slot is ever sold beyond its capacity; a database CHECK
constraint (slot_not_oversold) guards the same rule.
"""

from django.db.models import F
from django.utils import timezone

from tsunagu.experiences.models import Slot, SlotStatus


def seats_take(*, slot_id: int, seats: int) -> bool:
    """Take `seats` seats of an open, future slot; False when they are not free."""
    return (
        Slot.objects.filter(
            pk=slot_id,
            status=SlotStatus.OPEN,
            start__gt=timezone.now(),
            seats_taken__lte=F("capacity") - seats,
        ).update(seats_taken=F("seats_taken") + seats)
        == 1
    )


def seats_release(*, slot_id: int, seats: int) -> None:
    Slot.objects.filter(pk=slot_id, seats_taken__gte=seats).update(
        seats_taken=F("seats_taken") - seats
    )
