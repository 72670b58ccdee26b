from django.shortcuts import render

from tsunagu.core.models import Goal
from tsunagu.nature.selectors.home import latest_observations, nature_figures


def nature_home(request):
    return render(
        request,
        "nature/home.html",
        {
            "figures": nature_figures(),
            "latest": latest_observations(),
            "goals": Goal.objects.filter(number__in=(6, 11, 14, 15)),
        },
    )
