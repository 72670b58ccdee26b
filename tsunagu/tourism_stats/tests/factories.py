"""Visitor statistics files for the tests."""

from pathlib import Path

HEADER = "area,year,month,measure,category,value,source"


def year_rows(
    area: str = "17201",
    year: int = 2024,
    visitors: list[int] | None = None,
    japanese: int = 1000,
    foreign: int = 250,
    residents: int = 1000,
) -> list[str]:
    """A complete year: 12 months of visitors, stays and residents."""
    visitors = visitors or [1000] * 12
    rows = []
    for month in range(1, 13):
        rows += [
            f"{area},{year},{month},visitors,,{visitors[month - 1]},test",
            f"{area},{year},{month},stays_japanese,,{japanese},test",
            f"{area},{year},{month},stays_foreign,,{foreign},test",
            f"{area},{year},{month},residents,,{residents},test",
        ]
    return rows


def write_csv(directory: Path, rows: list[str], name: str = "visitors.csv") -> Path:
    path = directory / name
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path
