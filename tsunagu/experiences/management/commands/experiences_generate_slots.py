from datetime import timedelta

from django.core.management.base import BaseCommand
from django.utils import timezone

from tsunagu.experiences.models import Schedule
from tsunagu.experiences.services import slots_generate


class Command(BaseCommand):
    help = "Create the sessions of every schedule for the coming days (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=60)

    def handle(self, *args, **options):
        today = timezone.localdate()
        until = today + timedelta(days=options["days"])
        created = sum(
            slots_generate(schedule=schedule, date_from=today, date_to=until)
            for schedule in Schedule.objects.select_related("experience__workshop")
        )
        self.stdout.write(f"{created} sessions created")
