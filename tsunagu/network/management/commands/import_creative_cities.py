from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from tsunagu.network.services import creative_cities_import


class Command(BaseCommand):
    help = (
        "Import UNESCO's list of Creative Cities (CSV: City Name, Category, Description, Link) "
        "and apply the verified facts shipped with the app. A bad row rejects the whole file."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path: Path, **options):
        try:
            report = creative_cities_import(path=path)
        except ValidationError as error:
            raise CommandError("\n".join(error.messages)) from None
        self.stdout.write(
            f"{report.total} cities ({report.created} new, {report.updated} updated); "
            f"verified facts applied to {report.facts_applied}; "
            f"unknown: country {report.unknown_country}, year {report.unknown_year}, "
            f"coordinates {report.unknown_coordinates}."
        )
