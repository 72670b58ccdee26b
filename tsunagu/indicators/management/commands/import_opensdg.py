"""Import an Open SDG data repository: `tsunagu import_opensdg PATH [--area CODE]`."""

import contextlib
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tsunagu.core.area_codes import normalize_area_code
from tsunagu.indicators.importers import opensdg
from tsunagu.indicators.importers.base import ImportFileError
from tsunagu.indicators.services.observations import observations_import


class Command(BaseCommand):
    help = (
        "Import data/indicator_*.csv of an Open SDG repository; rows without a GeoCode "
        "belong to --area."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument("--area", help="area code for rows without a GeoCode column")
        parser.add_argument("--dry-run", action="store_true")
        parser.add_argument(
            "--strict", action="store_true", help="import nothing if any file is rejected"
        )

    def handle(
        self, *args, path: Path, area: str | None, dry_run: bool, strict: bool, **options
    ) -> None:
        if not (path / "data").is_dir():
            raise CommandError(f"{path} is not an Open SDG data repository (no data/ folder)")
        if area:
            # a Japanese local government code in any form; other codes are used as they are
            with contextlib.suppress(ValueError):
                area = normalize_area_code(area)
        result = opensdg.read(path, area=area)
        for problem in result.problems:
            self.stderr.write(f"reported: {problem}")
        for warning in result.warnings:
            self.stderr.write(f"warning: {warning}")
        for file_name, errors in result.rejected.items():
            self.stderr.write(f"rejected {file_name}, nothing imported from it:")
            for error in errors:
                self.stderr.write(f"  {error}")
        if strict and result.rejected:
            raise CommandError(f"{len(result.rejected)} file(s) rejected; nothing imported")
        try:
            summary = observations_import(result.tidy, dry_run=dry_run)
        except ImportFileError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"{len(result.tidy.statistics)} indicators: {summary}")
