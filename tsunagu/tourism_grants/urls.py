from django.urls import path

from tsunagu.tourism_grants.views import applicant, public, staff

app_name = "tourism_grants"
urlpatterns = [
    path("", public.call_list, name="call_list"),
    path("awards/", public.award_list, name="award_list"),
    path("awards.csv", public.award_csv, name="award_csv"),
    path("mine/", applicant.my_applications, name="my_applications"),
    path("applications/<int:pk>/", applicant.application_detail, name="application_detail"),
    path("applications/<int:pk>/edit/", applicant.application_edit, name="application_edit"),
    path("applications/<int:pk>/report/", applicant.report_submit, name="report_submit"),
    path("applications/<int:pk>/assign/", staff.assessor_assign, name="assessor_assign"),
    path("applications/<int:pk>/conflicts/", staff.conflict_declare, name="conflict_declare"),
    path("applications/<int:pk>/scores/", staff.scores_record, name="scores_record"),
    path("applications/<int:pk>/award/", staff.award_decide, name="award_decide"),
    path("applications/<int:pk>/decline/", staff.application_reject, name="application_reject"),
    path("applications/<int:pk>/payments/", staff.payment_record, name="payment_record"),
    path("applications/<int:pk>/report/review/", staff.report_review, name="report_review"),
    path("documents/<int:pk>/", applicant.document_download, name="document_download"),
    path(
        "report-attachments/<int:pk>/",
        applicant.report_attachment_download,
        name="report_attachment_download",
    ),
    path("<slug:slug>/", public.call_detail, name="call_detail"),
    path("<slug:slug>/apply/", applicant.application_create, name="application_create"),
    path("<slug:slug>/review/", staff.call_review, name="call_review"),
]
