"""`tsunagu opensdg_progress PATH --out PROGRESS.csv`: the Open SDG progress measure."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tsunagu.scoring.opensdg import (
    OpenSdgFormatError,
    read_repository,
    repository_progress,
    write_progress_csv,
)


class Command(BaseCommand):
    help = "Compute Open SDG progress statuses for every indicator of a data repository."

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument("--out", type=Path, required=True)

    def handle(self, *args, path: Path, out: Path, **options) -> None:
        if not path.is_dir():
            raise CommandError(f"{path} is not an Open SDG data repository (a directory)")
        try:
            repository = read_repository(path)
        except (OpenSdgFormatError, ValueError) as error:
            raise CommandError(str(error)) from None
        for problem in repository.problems:
            self.stderr.write(f"warning: {problem}")
        progress = repository_progress(repository)
        write_progress_csv(progress, out)
        self.stdout.write(f"{progress.height} rows written to {out}")
