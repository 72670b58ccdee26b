from django.urls import path

from tsunagu.nature.views import map as views

urlpatterns = [
    path("map/", views.observation_map, name="map"),
]
