from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TourismStatsConfig(AppConfig):
    name = "tsunagu.tourism_stats"
    label = "tourism_stats"
    verbose_name = _("Visitor statistics")
