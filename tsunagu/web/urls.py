from django.urls import path

from tsunagu.web import views

app_name = "web"
urlpatterns = [
    path("", views.home, name="home"),
    path("city/", views.city_profile, name="city_profile"),
    path("areas/<str:code>/", views.area_detail, name="area_detail"),
    path("terms/", views.terms, name="terms"),
    path("privacy/", views.privacy, name="privacy"),
    path("<slug:slug>/", views.module, name="module"),
]
