from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The cache domain of the pages about the city and its areas (the home page, the city profile).
CACHE_DOMAIN = "city"


class WebConfig(AppConfig):
    name = "tsunagu.web"
    label = "web"
    verbose_name = _("Public site")

    def ready(self) -> None:
        from tsunagu.core.cache import cache_invalidate_on_change
        from tsunagu.core.models import Area, CityFact, CityProfile

        cache_invalidate_on_change(CACHE_DOMAIN, Area, Area.members.through, CityProfile, CityFact)
