from django.urls import path

from tsunagu.experiences.views import bookings, dashboard, public

app_name = "experiences"
urlpatterns = [
    path("", public.experience_list, name="experience_list"),
    path("dashboard/", dashboard.dashboard, name="dashboard"),
    path("bookings/<str:code>/", bookings.booking_detail, name="booking_detail"),
    path("bookings/<str:code>/booking.ics", bookings.booking_calendar, name="booking_calendar"),
    path("bookings/<str:code>/cancel/", bookings.booking_cancel, name="booking_cancel"),
    path("bookings/<str:code>/review/", bookings.review_create, name="review_create"),
    path("offers/<str:token>/", bookings.offer_accept, name="offer_accept"),
    path("<slug:slug>/", public.experience_detail, name="experience_detail"),
]
