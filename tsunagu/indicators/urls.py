from django.urls import path

from tsunagu.indicators import views

app_name = "indicators"
urlpatterns = [
    path("indicators/", views.overview, name="overview"),
    path("indicators/compare/", views.compare, name="compare"),
    path("indicators/goals/<int:number>/", views.goal_detail, name="goal_detail"),
    path("indicators/<str:code>/", views.indicator_detail, name="indicator_detail"),
]
