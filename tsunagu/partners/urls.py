from django.urls import path

from tsunagu.partners import views

app_name = "partners"
urlpatterns = [
    path("partners/", views.partner_list, name="partner_list"),
    path("partners/apply/", views.partner_apply, name="partner_apply"),
    path("partners/open-data.zip", views.open_data, name="open_data"),
    path("partners/review/", views.review_queue, name="review_queue"),
    path("partners/council/", views.council, name="council"),
    path("projects/<slug:slug>/matches/", views.project_matches, name="project_matches"),
    path("partners/<slug:slug>/", views.partner_detail, name="partner_detail"),
    path("partners/<slug:slug>/edit/", views.partner_edit, name="partner_edit"),
    path("partners/<slug:slug>/review/", views.partner_review, name="partner_review"),
    path("partners/<slug:slug>/matches/", views.partner_matches, name="partner_matches"),
    path(
        "partners/<slug:slug>/matches/<slug:other>/introduce/",
        views.introduction_request,
        name="introduction_request",
    ),
]
