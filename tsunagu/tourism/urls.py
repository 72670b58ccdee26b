from django.urls import path

from tsunagu.tourism.views import operators, public, review, self_service

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
    path("my/operators/new/", self_service.operator_create, name="operator_create"),
    path("operators/<slug:slug>/", public.operator_detail, name="operator_detail"),
    path("operators/<slug:slug>/edit/", self_service.operator_edit, name="operator_edit"),
    path("operators/<slug:slug>/apply/", operators.application_start, name="application_start"),
    path("operators/<slug:slug>/tours/", self_service.tour_product_list, name="tour_product_list"),
    path(
        "operators/<slug:slug>/tours/new/",
        self_service.tour_product_create,
        name="tour_product_create",
    ),
    path(
        "operators/<slug:slug>/tours/<int:pk>/edit/",
        self_service.tour_product_edit,
        name="tour_product_edit",
    ),
    path(
        "operators/<slug:slug>/tours/<int:pk>/delete/",
        self_service.tour_product_delete,
        name="tour_product_delete",
    ),
    path("applications/", review.queue, name="queue"),
    path("applications/<int:pk>/", review.application_review, name="application_review"),
    path("applications/<int:pk>/edit/", operators.application_edit, name="application_edit"),
    path("applications/<int:pk>/act/", review.application_act, name="application_act"),
    path("applications/<int:pk>/appeal/", operators.appeal_create, name="appeal_create"),
    path("conflicts/", review.conflict_create, name="conflict_create"),
    path("evidence/<int:pk>/", operators.evidence_download, name="evidence_download"),
]
