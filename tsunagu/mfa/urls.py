from django.urls import path

from tsunagu.mfa import views

app_name = "mfa"
urlpatterns = [
    path("accounts/login/code/", views.verify, name="verify"),
    path("accounts/two-step/", views.settings_page, name="settings"),
]
