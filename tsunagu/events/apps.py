from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# The cache domain of the public event pages and open data.
CACHE_DOMAIN = "events"


class EventsConfig(AppConfig):
    name = "tsunagu.events"
    label = "events"
    verbose_name = _("Events")

    def ready(self) -> None:
        from tsunagu.core.cache import cache_invalidate_on_change
        from tsunagu.events.models import Answer, Invitation, Registration

        # What the cached public pages show: the events, not who registered (the event page,
        # which shows the seats left, holds a form and is never cached).
        registrations = {Registration, Answer, Invitation}
        cache_invalidate_on_change(
            CACHE_DOMAIN,
            *(m for m in self.get_models(include_auto_created=True) if m not in registrations),
        )
