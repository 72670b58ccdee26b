from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The cache domain of the public partner and project directory (pages and API).
CACHE_DOMAIN = "partners"


class PartnersConfig(AppConfig):
    name = "tsunagu.partners"
    label = "partners"
    verbose_name = _("Partners")

    def ready(self) -> None:
        from tsunagu.accounts.models import Organisation
        from tsunagu.core.cache import cache_invalidate_on_change
        from tsunagu.partners.models import Partner

        cache_invalidate_on_change(CACHE_DOMAIN, Partner, Organisation)
