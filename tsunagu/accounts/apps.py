from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "tsunagu.accounts"
    label = "accounts"
    verbose_name = _("Accounts and organisations")

    def ready(self) -> None:
        from tsunagu.accounts.signals import role_groups_sync

        post_migrate.connect(role_groups_sync, sender=self)
