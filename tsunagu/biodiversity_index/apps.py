from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BiodiversityIndexConfig(AppConfig):
    name = "tsunagu.biodiversity_index"
    label = "biodiversity_index"
    verbose_name = _("City Biodiversity Index")
