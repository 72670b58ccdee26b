from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The cache domain of the visitor statistics pages and API.
CACHE_DOMAIN = "tourism-statistics"


class TourismStatsConfig(AppConfig):
    name = "tsunagu.tourism_stats"
    label = "tourism_stats"
    verbose_name = _("Visitor statistics")

    def ready(self) -> None:
        from tsunagu.core.cache import cache_invalidate_on_change

        # Everything the app stores shows on its public pages or API.
        cache_invalidate_on_change(CACHE_DOMAIN, *self.get_models(include_auto_created=True))
