from django.urls import path

from tsunagu.biocultural import views

app_name = "biocultural"
urlpatterns = [
    path("", views.element_list, name="element_list"),
    path("graph/", views.graph, name="graph"),
    path("elements/<slug:slug>/", views.element_detail, name="element_detail"),
    path(
        "services/<str:vocabulary>/<str:code>/",
        views.service_detail,
        name="service_detail",
    ),
    path("materials/<slug:slug>/", views.material_detail, name="material_detail"),
    path("places/<slug:slug>/", views.place_detail, name="place_detail"),
]
