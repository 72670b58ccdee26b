from datetime import date

from django.core.management.base import BaseCommand

from tsunagu.tourism.services.certificates import certificates_daily


class Command(BaseCommand):
    help = "Expire SDG tourism certificates and send reminders 60 and 14 days before expiry."

    def add_arguments(self, parser):
        parser.add_argument("--today", type=date.fromisoformat, default=None)

    def handle(self, *args, today=None, **options):
        counts = certificates_daily(today=today)
        self.stdout.write(", ".join(f"{key}: {value}" for key, value in counts.items()))
