from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The cache domain of search results (the index of partners, projects and events).
CACHE_DOMAIN = "search"


class SearchConfig(AppConfig):
    name = "tsunagu.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from tsunagu.core.cache import cache_invalidate_on_change

        # Everything the app stores shows on its public pages or API.
        cache_invalidate_on_change(CACHE_DOMAIN, *self.get_models(include_auto_created=True))
        from tsunagu.search.signals import connect

        connect()
