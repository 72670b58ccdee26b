from django.urls import path

from tsunagu.events import ical
from tsunagu.events.views import minutes, public, staff, statistics

app_name = "events"
urlpatterns = [
    path("events/", public.event_list, name="event_list"),
    path("events/statistics/", statistics.statistics, name="statistics"),
    path("events/calendar.ics", ical.events_feed, name="events_feed"),
    path("events/series/<slug:slug>/calendar.ics", ical.series_feed, name="series_feed"),
    path("events/<int:pk>/", public.event_detail, name="event_detail"),
    path("events/<int:pk>/invitations/<str:token>/", public.invitation, name="invitation"),
    path(
        "events/<int:pk>/registrations/<str:code>/",
        public.registration_detail,
        name="registration_detail",
    ),
    path(
        "events/<int:pk>/registrations/<str:code>/cancel/",
        public.registration_cancel,
        name="registration_cancel",
    ),
    path("events/<int:pk>/check-in/", staff.check_in, name="check_in"),
    path("events/<int:pk>/staff/", staff.event_staff, name="event_staff"),
    path(
        "events/<int:pk>/staff/registrations.csv",
        staff.registrations_csv,
        name="registrations_csv",
    ),
    path("events/<int:pk>/staff/invitations/", staff.invitation_create, name="invitation_create"),
    path("events/<int:pk>/minutes/edit/", minutes.minutes_edit, name="minutes_edit"),
    path("events/<int:pk>/minutes/history/", minutes.minutes_history, name="minutes_history"),
]
