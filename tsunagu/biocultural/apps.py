from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The cache domain of the nature-and-culture pages and API.
CACHE_DOMAIN = "biocultural"


class BioculturalConfig(AppConfig):
    name = "tsunagu.biocultural"
    label = "biocultural"
    verbose_name = _("Nature and culture")

    def ready(self) -> None:
        from tsunagu.core.cache import cache_invalidate_on_change

        # Everything the app stores shows on its public pages or API.
        cache_invalidate_on_change(CACHE_DOMAIN, *self.get_models(include_auto_created=True))
