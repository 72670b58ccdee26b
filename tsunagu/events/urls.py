from django.urls import path

from tsunagu.events import views

app_name = "events"
urlpatterns = [
    path("events/", views.event_list, name="event_list"),
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
