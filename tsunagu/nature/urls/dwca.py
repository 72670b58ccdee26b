from django.urls import path

from tsunagu.nature.views import dwca as views

urlpatterns = [
    path("darwin-core/", views.dwca_home, name="dwca"),
    path("darwin-core/export.zip", views.dwca_export, name="dwca_export"),
]
