from django.core.management.base import BaseCommand, CommandError

from tsunagu.accounts.models import User
from tsunagu.accounts.services import api_token_create


class Command(BaseCommand):
    help = "Create an API token for a user; the secret is printed once."

    def add_arguments(self, parser) -> None:
        parser.add_argument("email")
        parser.add_argument("--name", default="script")

    def handle(self, *args, email: str, name: str, **options) -> None:
        try:
            user = User.objects.get(email=email.lower())
        except User.DoesNotExist:
            raise CommandError(f"no user with email {email}") from None
        _token, secret = api_token_create(user=user, name=name)
        self.stdout.write(secret)
