"""Load (or refresh) the Kanazawa demo content; safe to run again."""

from importlib import import_module

from django.core.management.base import BaseCommand

from tsunagu.core.models import CityProfile

# Each app with demo content has a demo.load(); order respects dependencies.
DEMO_MODULES = [
    "tsunagu.core.demo",
    "tsunagu.accounts.demo",
    "tsunagu.partners.demo",
    "tsunagu.indicators.demo",
    "tsunagu.projects.demo",
    "tsunagu.events.demo",
    "tsunagu.nature.demo",
    "tsunagu.biocultural.demo",
    "tsunagu.biodiversity_index.demo",
    "tsunagu.crafts.demo",
    "tsunagu.experiences.demo",
    "tsunagu.programmes.demo",
    "tsunagu.network.demo",
    "tsunagu.tourism.demo",
    "tsunagu.tourism_grants.demo",
    "tsunagu.tourism_stats.demo",
    "tsunagu.reports.demo",
    "tsunagu.suggestions.demo",
    "tsunagu.search.demo",
]


class Command(BaseCommand):
    help = "Load the Kanazawa demo content (idempotent)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--if-empty",
            action="store_true",
            help="do nothing when demo content exists (keeps your edits)",
        )

    def handle(self, *args, if_empty: bool = False, **options) -> None:
        if if_empty and CityProfile.objects.exists():
            self.stdout.write("demo content already present; left as it is")
            return
        for name in DEMO_MODULES:
            import_module(name).load()
            self.stdout.write(f"demo content loaded: {name}")
