from django.urls import path

from tsunagu.nature.views import taxa as views

urlpatterns = [
    path("taxa/", views.taxon_list, name="taxon_list"),
    path("taxa/<int:pk>/", views.taxon_detail, name="taxon_detail"),
]
