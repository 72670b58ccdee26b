from django.urls import path

from tsunagu.tourism.views import operators, public, review

app_name = "tourism"
urlpatterns = [
    path("", public.home, name="home"),
    path("register/", public.register, name="register"),
    path("certificates/<str:number>/", public.certificate_detail, name="certificate_detail"),
    path(
        "certificates/<str:number>/<str:language>.pdf",
        public.certificate_pdf_download,
        name="certificate_pdf",
    ),
    path("certificates/<str:number>/renew/", operators.certificate_renew, name="certificate_renew"),
    path("certificates/<str:number>/status/", review.certificate_status, name="certificate_status"),
    path("my/", operators.my_tourism, name="my"),
    path("operators/<slug:slug>/apply/", operators.application_start, name="application_start"),
    path("applications/", review.queue, name="queue"),
    path("applications/<int:pk>/", review.application_review, name="application_review"),
    path("applications/<int:pk>/edit/", operators.application_edit, name="application_edit"),
    path("applications/<int:pk>/act/", review.application_act, name="application_act"),
    path("applications/<int:pk>/appeal/", operators.appeal_create, name="appeal_create"),
    path("conflicts/", review.conflict_create, name="conflict_create"),
    path("evidence/<int:pk>/", operators.evidence_download, name="evidence_download"),
]
