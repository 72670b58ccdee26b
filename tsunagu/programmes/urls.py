from django.urls import path

from tsunagu.programmes.views import figures, participants, public, reports, review

app_name = "programmes"
urlpatterns = [
    path("", public.programme_list, name="programme_list"),
    path("calls/<int:pk>/", public.call_detail, name="call_detail"),
    path("calls/<int:pk>/apply/", public.call_apply, name="call_apply"),
    path("my-applications/", public.my_applications, name="my_applications"),
    path("documents/<int:pk>/", public.document_download, name="document_download"),
    path("review/", review.review_queue, name="review_queue"),
    path("review/<int:pk>/", review.application_review, name="application_review"),
    path("review/<int:pk>/score/", review.application_score, name="application_score"),
    path("review/<int:pk>/decide/", review.application_decide, name="application_decide"),
    path("review/<int:pk>/assign/", review.application_assign, name="application_assign"),
    path("reports/", reports.report_list, name="report_list"),
    path(
        "participants/<int:participant_pk>/reports/new/",
        reports.report_new,
        name="report_new",
    ),
    path("reports/<int:pk>/publish/", reports.report_publish, name="report_publish"),
    path("figures/", figures.figures, name="figures"),
    path("figures.csv", figures.figures_csv, name="figures_csv"),
    path("<slug:slug>/participants/", participants.participant_list, name="participant_list"),
    path("<slug:slug>/", public.programme_detail, name="programme_detail"),
]
