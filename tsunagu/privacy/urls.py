from django.urls import path

from tsunagu.privacy import views

app_name = "privacy"
urlpatterns = [
    path("accounts/privacy/", views.my_data, name="my_data"),
    path("accounts/privacy/download/", views.download, name="download"),
    path("accounts/privacy/delete/", views.delete, name="delete"),
    path("accounts/privacy/requests/", views.request_list, name="request_list"),
]
