from django.urls import path

from tsunagu.nature.views import campaigns as views

urlpatterns = [
    path("campaigns/", views.campaign_list, name="campaign_list"),
    path("campaigns/<slug:slug>/", views.campaign_detail, name="campaign_detail"),
    path("campaigns/<slug:slug>/join/", views.campaign_join, name="campaign_join"),
    path("campaigns/<slug:slug>/results.csv", views.results_csv, name="campaign_results_csv"),
    path("campaigns/<slug:slug>/visits/new/", views.visit_create, name="visit_create"),
    path("campaigns/<slug:slug>/visits/<int:pk>/edit/", views.visit_edit, name="visit_edit"),
    path("campaigns/<slug:slug>/visits/<int:pk>/delete/", views.visit_delete, name="visit_delete"),
]
