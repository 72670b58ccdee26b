from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "tsunagu.reports"
    label = "reports"
    verbose_name = _("Reports")

    def ready(self) -> None:
        from tsunagu.reports import blocks

        blocks.autodiscover()
