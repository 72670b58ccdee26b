from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "tsunagu.accounts"
    label = "accounts"
    verbose_name = _("Accounts and organisations")

    def ready(self) -> None:
        from tsunagu.accounts.signals import role_groups_sync

        # Run after every app's migrations: each app's permissions exist only once its own
        # post_migrate has run, and city staff need some in several apps.
        post_migrate.connect(role_groups_sync, dispatch_uid="tsunagu-role-groups")
