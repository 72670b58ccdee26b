from django.urls import path

from tsunagu.network import views

app_name = "network"
urlpatterns = [
    path("", views.network_map, name="map"),
    path("cities.csv", views.cities_csv, name="cities_csv"),
    path("cities.json", views.cities_json, name="cities_json"),
    path("cities/<slug:slug>/", views.city_detail, name="city_detail"),
    path("kanazawa/figures/", views.kanazawa_figures, name="kanazawa_figures"),
    path("meetings/", views.meeting_list, name="meeting_list"),
]
