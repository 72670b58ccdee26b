"""tsunagu classify_sdgs --input TEXTS.csv --output PREDICTIONS.csv

TEXTS has columns id,text (UTF-8, a BOM is tolerated); PREDICTIONS gets id,sdgs, one row per
input row in the same order, sdgs being the suggested goal numbers ascending, space-separated,
empty when none. Nothing is written when the input is missing or lacks a column.
"""

import csv
import io
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tsunagu.suggestions.engine import classify

REQUIRED_COLUMNS = ("id", "text")


def predictions_compute(rows: list[dict[str, str]]) -> list[tuple[str, str]]:
    return [
        (row["id"], " ".join(str(g) for g in sorted(s.goal for s in classify(row["text"] or ""))))
        for row in rows
    ]


class Command(BaseCommand):
    help = "Suggest SDGs for each text of a CSV file (columns id,text) into a CSV (id,sdgs)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--input", required=True, type=Path, help="CSV with columns id,text")
        parser.add_argument("--output", required=True, type=Path, help="CSV to write (id,sdgs)")

    def handle(self, *args, input: Path, output: Path, **options) -> None:
        if not input.is_file():
            raise CommandError(f"input file not found: {input}")
        try:
            content = input.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError as error:
            raise CommandError(f"{input} is not UTF-8: {error}") from error
        reader = csv.DictReader(io.StringIO(content, newline=""))
        columns = [c.strip() for c in reader.fieldnames or []]
        missing = [c for c in REQUIRED_COLUMNS if c not in columns]
        if missing:
            raise CommandError(
                f"{input} lacks the column(s) {', '.join(missing)} (it has: {', '.join(columns)})"
            )
        reader.fieldnames = columns
        predictions = predictions_compute(list(reader))
        # Computed in full before the output is opened, so a failure leaves nothing behind.
        with output.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["id", "sdgs"])
            writer.writerows(predictions)
        self.stdout.write(f"{len(predictions)} texts classified into {output}")
