from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The cache domain of the City Biodiversity Index pages and API.
CACHE_DOMAIN = "biodiversity-index"


class BiodiversityIndexConfig(AppConfig):
    name = "tsunagu.biodiversity_index"
    label = "biodiversity_index"
    verbose_name = _("City Biodiversity Index")

    def ready(self) -> None:
        from tsunagu.core.cache import cache_invalidate_on_change

        # Everything the app stores shows on its public pages or API.
        cache_invalidate_on_change(CACHE_DOMAIN, *self.get_models(include_auto_created=True))
