"""What every importer returns: a tidy frame plus the metadata that travels with it."""

from dataclasses import dataclass, field

import polars as pl

# Columns of the tidy frame every importer produces (one row per figure, value last).
TIDY_SCHEMA = {
    "line": pl.Int64,
    "statistic": pl.Utf8,
    "area": pl.Utf8,
    "year": pl.Int64,
    "disaggregation": pl.Utf8,
    "status": pl.Utf8,
    "value": pl.Float64,
}


@dataclass(frozen=True)
class RowError:
    line: int
    message: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}" if self.line else self.message


class ImportFileError(ValueError):
    """The file is rejected as a whole; `errors` says what is wrong, row by row."""

    def __init__(self, file_name: str, errors: list[RowError]):
        self.file_name = file_name
        self.errors = errors
        shown = "\n".join(f"  {e}" for e in errors[:50])
        more = f"\n  … and {len(errors) - 50} more" if len(errors) > 50 else ""
        super().__init__(f"{file_name}: {len(errors)} problem(s), nothing imported\n{shown}{more}")


@dataclass
class StatisticMeta:
    code: str
    name_ja: str
    name_en: str = ""
    unit: str = ""


@dataclass
class TidyImport:
    importer: str
    file_name: str
    edition: str
    edition_rank: int
    source_dataset: str
    credit_ja: str
    credit_en: str
    frame: pl.DataFrame
    statistics: list[StatisticMeta] = field(default_factory=list)
    # Official files name their areas: code -> (prefecture name, area name).
    area_names: dict[str, tuple[str, str]] = field(default_factory=dict)
