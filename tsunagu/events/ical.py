"""iCalendar feeds: all public events, or one series (SDGs Café, Partners meeting …)."""

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from icalendar import Calendar
from icalendar import Event as CalendarEvent

from tsunagu.events.models import Audience, Event, EventSeries, EventStatus


def _calendar(name: str, events, request: HttpRequest) -> HttpResponse:
    calendar = Calendar()
    calendar.add("prodid", "-//Tsunagu//IMAGINE KANAZAWA 2030 events//JA")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    for event in events:
        entry = CalendarEvent()
        entry.add("uid", f"event-{event.pk}@tsunagu")
        entry.add("summary", event.title)
        entry.add("dtstart", event.starts_at)
        entry.add("dtend", event.ends_at)
        entry.add("dtstamp", event.starts_at)
        if event.place:
            entry.add("location", event.place)
        entry.add(
            "url", request.build_absolute_uri(reverse("events:event_detail", args=[event.pk]))
        )
        if event.status == EventStatus.CANCELLED:
            entry.add("status", "CANCELLED")
        calendar.add_component(entry)
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="events.ics"'
    return response


def _public():
    # The online meeting URL is never put in a feed: it is for registrants only.
    return Event.objects.exclude(status=EventStatus.DRAFT).filter(
        audience__in=[Audience.PUBLIC, Audience.STUDENTS]
    )


def events_feed(request: HttpRequest) -> HttpResponse:
    """Titles follow the URL's language (/events/… Japanese, /en/events/… English)."""
    return _calendar("IMAGINE KANAZAWA 2030", _public().order_by("starts_at"), request)


def series_feed(request: HttpRequest, slug: str) -> HttpResponse:
    series = get_object_or_404(EventSeries, slug=slug)
    return _calendar(series.name, _public().filter(series=series).order_by("starts_at"), request)
