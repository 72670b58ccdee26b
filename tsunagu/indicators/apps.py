from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The cache domain of the statistics and indicator definitions in the API (not the scores,
# which have their own version: tsunagu.indicators.caching).
CACHE_DOMAIN = "indicators"


class IndicatorsConfig(AppConfig):
    name = "tsunagu.indicators"
    label = "indicators"
    verbose_name = _("Indicators")

    def ready(self) -> None:
        from tsunagu.core.cache import cache_invalidate_on_change
        from tsunagu.indicators.models import Indicator, Statistic

        cache_invalidate_on_change(CACHE_DOMAIN, Statistic, Indicator)
