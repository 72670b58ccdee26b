from django.urls import path

from tsunagu.biodiversity_index import views

app_name = "biodiversity_index"
urlpatterns = [
    path("", views.overview, name="overview"),
    path("download.csv", views.download_csv, name="download_csv"),
    path("<int:year>/", views.year_detail, name="year_detail"),
    path("<int:year>/download.csv", views.year_csv, name="year_csv"),
    path("staff/", views.staff_list, name="staff_list"),
    path("staff/<int:year>/", views.staff_edit, name="staff_edit"),
    path("staff/<int:year>/recompute/", views.staff_recompute, name="staff_recompute"),
    path("staff/<int:year>/publish/", views.staff_publish, name="staff_publish"),
]
