from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tsunagu.indicators.importers.base import ImportFileError
from tsunagu.tourism_stats.services import visitor_statistics_import


class Command(BaseCommand):
    help = (
        "Import monthly visitor statistics (tidy CSV or .xlsx: area, year, month, measure, "
        "value[, category, source]). Any bad row rejects the whole file; a month already "
        "stored for an area is replaced."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path)

    def handle(self, *args, path: Path, **options):
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        try:
            summary = visitor_statistics_import(path=path)
        except ImportFileError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(str(summary)))
