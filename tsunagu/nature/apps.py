from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class NatureConfig(AppConfig):
    name = "tsunagu.nature"
    label = "nature"
    verbose_name = _("Nature and biodiversity")

    def ready(self) -> None:
        from tsunagu.nature import signals_map  # noqa: F401  (keeps the map cells current)
        from tsunagu.nature.caching import nature_cache_invalidation_register
        from tsunagu.nature.taxa_seed import taxa_seed_after_migrate

        post_migrate.connect(taxa_seed_after_migrate, sender=self, dispatch_uid="tsunagu-taxa-seed")
        nature_cache_invalidation_register()
