from django.core.management.base import BaseCommand

from tsunagu.experiences.services import waitlist_offers_expire


class Command(BaseCommand):
    help = "Release the seats of waiting-list offers not accepted in time and offer them on."

    def handle(self, *args, **options):
        count = waitlist_offers_expire()
        self.stdout.write(f"{count} offers expired")
