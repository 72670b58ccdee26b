from django.urls import path

from tsunagu.projects import views

app_name = "projects"
urlpatterns = [
    path("projects/", views.project_list, name="project_list"),
    path("projects/new/", views.project_create, name="project_create"),
    path("projects/reporting-overdue/", views.reporting_overdue, name="reporting_overdue"),
    path("projects/<slug:slug>/", views.project_detail, name="project_detail"),
    path("projects/<slug:slug>/edit/", views.project_edit, name="project_edit"),
    path("projects/<slug:slug>/deliverables/", views.deliverables_edit, name="deliverables_edit"),
    path("projects/<slug:slug>/resources/", views.resources_edit, name="resources_edit"),
    path("projects/<slug:slug>/reports/new/", views.report_create, name="report_create"),
]
