from django.urls import path

from tsunagu.suggestions import views

app_name = "suggestions"
urlpatterns = [
    path("suggestions/preview/", views.preview, name="preview"),
    path("suggestions/<int:pk>/accept/", views.accept, name="accept"),
    path("suggestions/<int:pk>/reject/", views.reject, name="reject"),
]
