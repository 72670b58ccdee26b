"""Import SSDSE-A CSV files (any edition): `tsunagu import_ssdse PATH…`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from tsunagu.indicators.importers import ssdse
from tsunagu.indicators.importers.base import ImportFileError
from tsunagu.indicators.services.observations import file_sha256, observations_import
from tsunagu.indicators.services.scoring import scores_refresh_later


class Command(BaseCommand):
    help = "Import SSDSE-A municipal statistics; oldest edition first is best (newer figures win)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="report, write nothing")
        parser.add_argument(
            "--no-scores",
            action="store_true",
            help="do not recompute indicator values and scores afterwards",
        )

    def handle(self, *args, paths: list[Path], dry_run: bool, no_scores: bool, **options):
        missing = [str(p) for p in paths if not p.is_file()]
        if missing:
            raise CommandError(f"not found: {', '.join(missing)}")
        tidy_imports = []
        failures = []
        for path in tqdm(paths, desc="reading", unit="file", disable=len(paths) < 2):
            try:
                tidy_imports.append((path, ssdse.read(path)))
            except ImportFileError as error:
                failures.append(str(error))
        if failures:
            raise CommandError("\n".join(failures))
        # Older editions first, so that newer figures replace older ones.
        tidy_imports.sort(key=lambda item: item[1].edition_rank)
        summaries = []
        for path, tidy in tqdm(tidy_imports, desc="importing", unit="file"):
            try:
                summaries.append(
                    observations_import(
                        tidy, sha256=file_sha256(path), dry_run=dry_run, register_areas=True
                    )
                )
            except ImportFileError as error:
                raise CommandError(str(error)) from None
        for summary in summaries:
            self.stdout.write(str(summary))
        if not dry_run and not no_scores:
            scores_refresh_later()
            self.stdout.write("indicator values and scores are being recomputed")
