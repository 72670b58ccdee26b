from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The cache domain of the network's public pages and API.
CACHE_DOMAIN = "network"


class NetworkConfig(AppConfig):
    name = "tsunagu.network"
    label = "network"
    verbose_name = _("Creative Cities Network")

    def ready(self) -> None:
        from tsunagu.core.cache import cache_invalidate_on_change

        # Everything the app stores shows on its public pages or API.
        cache_invalidate_on_change(CACHE_DOMAIN, *self.get_models(include_auto_created=True))
