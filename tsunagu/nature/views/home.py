from django.shortcuts import render

from tsunagu.core.apps import CACHE_DOMAIN as SDGS_CACHE_DOMAIN
from tsunagu.core.cache import cached_for_anonymous
from tsunagu.core.models import Goal
from tsunagu.nature.caching import CACHE_DOMAIN
from tsunagu.nature.selectors.home import latest_observations, nature_figures


@cached_for_anonymous(CACHE_DOMAIN, SDGS_CACHE_DOMAIN)
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
