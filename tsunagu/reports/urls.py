from django.urls import path

from tsunagu.reports.views import builder, public

app_name = "reports"
urlpatterns = [
    path("", public.report_list, name="list"),
    path("builder/", builder.builder_home, name="builder"),
    path("builder/<slug:slug>/", builder.builder_report, name="builder_report"),
    path("builder/<slug:slug>/act/", builder.report_action, name="report_action"),
    path("builder/<slug:slug>/compare/", builder.versions_diff, name="compare"),
    path("builder/<slug:slug>/sections/add/", builder.section_add, name="section_add"),
    path("builder/<slug:slug>/sections/<int:pk>/", builder.section_edit, name="section_edit"),
    path(
        "builder/<slug:slug>/sections/<int:pk>/act/",
        builder.section_action,
        name="section_action",
    ),
    path(
        "builder/<slug:slug>/versions/<int:number>/",
        builder.version_progress,
        name="version_progress",
    ),
    path("<slug:slug>/", public.report_page, name="detail"),
    path("<slug:slug>/<str:language>.<str:extension>", public.report_file, name="file"),
]
