from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _seed_schemes(sender, **kwargs) -> None:
    from tsunagu.tourism.services.schemes import schemes_seed

    schemes_seed()


class TourismConfig(AppConfig):
    name = "tsunagu.tourism"
    label = "tourism"
    verbose_name = _("SDG tourism")

    def ready(self) -> None:
        post_migrate.connect(_seed_schemes, sender=self, dispatch_uid="tourism_schemes_seed")
        from tsunagu.tourism import indicators_feed

        indicators_feed.register()
