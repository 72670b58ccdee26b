from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "tsunagu.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self) -> None:
        from tsunagu.search.signals import connect

        connect()
