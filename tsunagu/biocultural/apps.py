from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BioculturalConfig(AppConfig):
    name = "tsunagu.biocultural"
    label = "biocultural"
    verbose_name = _("Nature and culture")
