from django.urls import path

from tsunagu.events import ical, views

app_name = "events"
urlpatterns = [
    path("events/", views.event_list, name="event_list"),
    path("events/calendar.ics", ical.events_feed, name="events_feed"),
    path("events/series/<slug:slug>/calendar.ics", ical.series_feed, name="series_feed"),
    path("events/<int:pk>/", views.event_detail, name="event_detail"),
    path("events/<int:pk>/check-in/", views.check_in, name="check_in"),
    path(
        "events/<int:pk>/registrations/<str:code>/",
        views.registration_detail,
        name="registration_detail",
    ),
    path(
        "events/<int:pk>/registrations/<str:code>/cancel/",
        views.registration_cancel,
        name="registration_cancel",
    ),
]
