from django.urls import path

from tsunagu.tourism_stats import views

app_name = "tourism_stats"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("crowding/", views.crowding_view, name="crowding"),
    path("download.csv", views.download_csv, name="download_csv"),
    path("staff/import/", views.staff_import, name="staff_import"),
]
