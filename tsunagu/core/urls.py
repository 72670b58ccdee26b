from django.urls import path

from tsunagu.core import views

app_name = "core"
urlpatterns = [
    path("sdgs/", views.goal_list, name="goal_list"),
    path("sdgs/<int:number>/", views.goal_detail, name="goal_detail"),
    path("sdgs/local-targets/new/", views.local_target_edit, name="local_target_create"),
    path("sdgs/local-targets/<str:code>/", views.local_target_detail, name="local_target_detail"),
    path("sdgs/local-targets/<str:code>/edit/", views.local_target_edit, name="local_target_edit"),
]
