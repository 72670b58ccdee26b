from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The cache domain of the SDG framework's API (goals, targets, the city's local targets).
CACHE_DOMAIN = "sdgs"


class CoreConfig(AppConfig):
    name = "tsunagu.core"
    label = "core"
    verbose_name = _("SDG framework and places")

    def ready(self) -> None:
        from tsunagu.core.cache import cache_invalidate_on_change
        from tsunagu.core.models import Goal, LocalTarget, Target

        cache_invalidate_on_change(CACHE_DOMAIN, Goal, Target, LocalTarget)
