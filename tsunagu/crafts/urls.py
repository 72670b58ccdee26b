from django.urls import path

from tsunagu.crafts import views

app_name = "crafts"
urlpatterns = [
    path("", views.craft_list, name="craft_list"),
    path("workshops/<slug:slug>/", views.workshop_detail, name="workshop_detail"),
    path("artisans/<slug:slug>/", views.artisan_detail, name="artisan_detail"),
    path("<slug:slug>/", views.craft_detail, name="craft_detail"),
]
