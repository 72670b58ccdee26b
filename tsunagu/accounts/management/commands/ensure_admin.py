"""Create the administrator account if it does not exist (used by `make demo`)."""

import os

from django.core.management.base import BaseCommand

from tsunagu.accounts.services import administrator_ensure


class Command(BaseCommand):
    help = "Create the administrator (password from TSUNAGU_ADMIN_PASSWORD, else generated)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--email", default=os.environ.get("TSUNAGU_ADMIN_EMAIL", "admin@example.org")
        )

    def handle(self, *args, email: str, **options) -> None:
        user, created, generated = administrator_ensure(
            email=email, password=os.environ.get("TSUNAGU_ADMIN_PASSWORD")
        )
        if generated:
            message = f"Administrator created: {user.email} / password: {generated}"
        elif created:
            message = f"Administrator created: {user.email} / password: $TSUNAGU_ADMIN_PASSWORD"
        else:
            message = f"Administrator: {user.email} (existing account; password unchanged)"
        self.stdout.write(self.style.SUCCESS(message) if created else message)
