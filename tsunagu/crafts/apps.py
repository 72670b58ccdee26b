from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

CACHE_DOMAIN = "crafts"


class CraftsConfig(AppConfig):
    name = "tsunagu.crafts"
    label = "crafts"
    verbose_name = _("Crafts")

    def ready(self) -> None:
        from tsunagu.core.cache import cache_invalidate_on_change
        from tsunagu.crafts import models

        # Everything the public catalogue (pages and API) shows.
        cache_invalidate_on_change(
            CACHE_DOMAIN,
            models.Craft,
            models.Craft.workshops.through,
            models.Craft.artisans.through,
            models.Workshop,
            models.Artisan,
            models.CraftSource,
            models.CraftMaterial,
            models.CraftImage,
            models.OpeningHours,
        )
