from django.urls import path

from tsunagu.nature.views.home import nature_home

urlpatterns = [path("", nature_home, name="home")]
