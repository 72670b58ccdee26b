from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from tsunagu.network.services import creative_city_facts_apply


class Command(BaseCommand):
    help = "Apply the verified country, year and coordinates of member cities (facts file)."

    def handle(self, *args, **options):
        try:
            applied = creative_city_facts_apply()
        except ValidationError as error:
            raise CommandError("\n".join(error.messages)) from None
        self.stdout.write(f"verified facts applied to {applied} cities.")
