from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The cache domain of the published reports' pages and API.
CACHE_DOMAIN = "reports"


class ReportsConfig(AppConfig):
    name = "tsunagu.reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        from tsunagu.core.cache import cache_invalidate_on_change

        # Everything the app stores shows on its public pages or API.
        cache_invalidate_on_change(CACHE_DOMAIN, *self.get_models(include_auto_created=True))
        from tsunagu.reports import blocks

        blocks.autodiscover()
