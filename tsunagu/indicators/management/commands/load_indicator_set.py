from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tsunagu.indicators.services.indicator_set import (
    DEFAULT_SET,
    IndicatorSetError,
    indicator_set_load,
)
from tsunagu.indicators.services.scoring import scores_refresh_later


class Command(BaseCommand):
    help = "Load an indicator set (YAML; default: the shipped SSDSE set) and recompute scores."

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_SET)
        parser.add_argument("--no-scores", action="store_true")

    def handle(self, *args, path: Path, no_scores: bool, **options) -> None:
        try:
            count = indicator_set_load(path)
        except (IndicatorSetError, OSError) as error:
            raise CommandError(f"{path}: {error}") from None
        self.stdout.write(f"{count} indicators loaded from {path.name}")
        if not no_scores:
            scores_refresh_later()
