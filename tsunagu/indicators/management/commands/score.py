"""`tsunagu score`: the SDSN pipeline on third-party tables, no database involved."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tsunagu.scoring.sdsn import (
    read_data_csv,
    read_spec_csv,
    scores_tidy,
    sdsn_pipeline,
    write_scores_csv,
)


class Command(BaseCommand):
    help = "Score DATA.csv (area,indicator,year,value) with SPEC.csv by the SDSN method."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--data", type=Path, required=True)
        parser.add_argument("--spec", type=Path, required=True)
        parser.add_argument("--out", type=Path, required=True)
        parser.add_argument("--min-coverage", type=float, default=0.8)
        parser.add_argument("--year", type=int)

    def handle(
        self,
        *args,
        data: Path,
        spec: Path,
        out: Path,
        min_coverage: float,
        year: int | None,
        **options,
    ) -> None:
        try:
            values = read_data_csv(data)
            indicators = read_spec_csv(spec)
            result = sdsn_pipeline(values, indicators, year=year, min_coverage=min_coverage)
        except (ValueError, OSError) as error:
            raise CommandError(str(error)) from None
        tidy = scores_tidy(result)
        write_scores_csv(tidy, out)
        self.stdout.write(
            f"{tidy.height} scores for {result.index.height} areas ({result.year}) written to {out}"
        )
