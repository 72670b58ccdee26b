"""A booking as an iCalendar event: attached to the confirmation email and downloadable."""

from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from tsunagu.experiences.models import Booking


def booking_ics(booking: Booking) -> bytes:
    slot = booking.slot
    experience = slot.experience
    workshop = experience.workshop
    calendar = Calendar()
    calendar.add("prodid", "-//Tsunagu//craft experiences//JA")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    entry = CalendarEvent()
    entry.add("uid", f"experience-booking-{booking.code}@tsunagu")
    entry.add("summary", f"{experience.title} ({workshop.name})")
    entry.add("dtstart", slot.start)
    entry.add("dtend", slot.end)
    entry.add("dtstamp", timezone.now())
    if workshop.address:
        entry.add("location", workshop.address)
    entry.add("description", f"{booking.code} · {booking.participants} · ¥{booking.amount_due:,}")
    if not booking.is_confirmed:
        entry.add("status", "CANCELLED")
    calendar.add_component(entry)
    return calendar.to_ical()
