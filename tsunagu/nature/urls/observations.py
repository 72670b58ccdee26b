from django.urls import path

from tsunagu.nature.views import observations as views

urlpatterns = [
    path("observations/", views.observation_list, name="observation_list"),
    path("observations/new/", views.observation_create, name="observation_create"),
    path("observations/mine/", views.observation_mine, name="observation_mine"),
    path("observations/<uuid:uuid>/", views.observation_detail, name="observation_detail"),
    path(
        "observations/<uuid:uuid>/identifications/",
        views.identification_create,
        name="identification_create",
    ),
    path(
        "observations/<uuid:uuid>/identifications/<int:pk>/withdraw/",
        views.identification_withdraw,
        name="identification_withdraw",
    ),
    path("observations/<uuid:uuid>/flags/", views.flag_create, name="flag_create"),
    path(
        "observations/<uuid:uuid>/photos/<int:pk>.jpg",
        views.observation_photo,
        name="observation_photo",
    ),
    path("moderation/", views.moderation_queue, name="moderation"),
    path("moderation/flags/<int:pk>/", views.flag_resolve, name="flag_resolve"),
]
