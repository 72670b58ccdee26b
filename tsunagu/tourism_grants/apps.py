from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TourismGrantsConfig(AppConfig):
    name = "tsunagu.tourism_grants"
    label = "tourism_grants"
    verbose_name = _("SDG tourism grants")
