"""Load municipality boundaries (国土数値情報 N03 GeoJSON) into areas."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tsunagu.core.services import BoundaryFileError, boundaries_load

DEFAULT_FILE = Path("geo") / "municipalities-japan-simplified.geojson"


class Command(BaseCommand):
    help = (
        "Load municipality boundaries from GeoJSON (default: all of Japan from TSUNAGU_DATA_DIR)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--file", type=Path, help="a GeoJSON file with N03_* properties")

    def handle(self, *args, file: Path | None = None, **options) -> None:
        path = file or settings.TSUNAGU_DATA_DIR / DEFAULT_FILE
        if not path.exists():
            raise CommandError(
                f"{path} not found: set TSUNAGU_DATA_DIR or pass --file (see README, Data)"
            )
        try:
            count = boundaries_load(path=path)
        except BoundaryFileError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(self.style.SUCCESS(f"{count} municipalities loaded from {path}"))
