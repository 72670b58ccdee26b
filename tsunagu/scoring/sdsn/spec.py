"""Column names, vocabularies and validation of an SDSN indicator specification.

A spec has one row per indicator. ``lower_bound`` is the value that scores 0 (the worst, by
default the 2.5th percentile) and ``upper_bound`` the value that scores 100 (the optimum), so
for a "lower is better" indicator the lower bound is numerically the larger of the two.
"""

from enum import StrEnum

import polars as pl


class Direction(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"


class Colour(StrEnum):
    RED = "red"
    ORANGE = "orange"
    YELLOW = "yellow"
    GREEN = "green"
    GREY = "grey"


class Trend(StrEnum):
    DECREASING = "decreasing"
    STAGNATING = "stagnating"
    MODERATELY_IMPROVING = "moderately_improving"
    ON_TRACK = "on_track"
    MAINTAINING = "maintaining"


SPEC_SCHEMA: dict[str, pl.DataType] = {
    "indicator": pl.String(),
    "goal": pl.Int64(),
    "direction": pl.String(),
    "lower_bound": pl.Float64(),
    "upper_bound": pl.Float64(),
    "green_threshold": pl.Float64(),
    "yellow_threshold": pl.Float64(),
    "red_threshold": pl.Float64(),
}
VALUES_SCHEMA: dict[str, pl.DataType] = {
    "area": pl.String(),
    "indicator": pl.String(),
    "year": pl.Int64(),
    "value": pl.Float64(),
}
# Columns a spec may leave empty: the lower bound comes from the data, yellow is the midpoint.
OPTIONAL_SPEC_COLUMNS = ("lower_bound", "yellow_threshold")


def better_sign() -> pl.Expr:
    """+1 where a higher value is better, -1 where a lower one is: turns "better" into ">"."""
    return pl.when(pl.col("direction") == Direction.LOWER).then(-1.0).otherwise(1.0)


def spec_validate(
    spec: pl.DataFrame, *, row_label: str = "row", first_row: int = 1
) -> pl.DataFrame:
    """Check and normalise a spec frame; raise ValueError naming the offending rows.

    Rows are numbered from ``first_row`` and called ``row_label`` (a CSV reader passes
    "line" and 2, so the numbers match the file).

    Fills a missing yellow threshold with the midpoint of the green and red thresholds, as the
    SDSN method does for every indicator.
    """
    missing = [name for name in SPEC_SCHEMA if name not in spec.columns]
    if missing:
        raise ValueError(f"spec is missing columns: {', '.join(missing)}")
    spec = spec.select(
        pl.col(name).cast(dtype, strict=False) for name, dtype in SPEC_SCHEMA.items()
    )
    problems = []
    rows = spec.with_row_index("row", offset=first_row)

    def report(condition: pl.Expr, message: str) -> None:
        bad = rows.filter(condition)["row"].to_list()
        if bad:
            problems.append(f"{message} ({row_label}s {', '.join(map(str, bad[:10]))})")

    required = [name for name in SPEC_SCHEMA if name not in OPTIONAL_SPEC_COLUMNS]
    for name in required:
        report(pl.col(name).is_null(), f"{name} is empty")
    report(pl.col("indicator").is_duplicated(), "indicator is duplicated")
    report(~pl.col("direction").is_in(list(Direction)), "direction must be 'higher' or 'lower'")
    sign = better_sign()
    report(
        (pl.col("upper_bound") - pl.col("lower_bound")) * sign <= 0,
        "upper_bound must be better than lower_bound for the direction",
    )
    report(
        (pl.col("green_threshold") - pl.col("red_threshold")) * sign < 0,
        "green_threshold must be at least as good as red_threshold for the direction",
    )
    if problems:
        raise ValueError("invalid spec: " + "; ".join(problems))
    return spec.with_columns(
        pl.col("yellow_threshold").fill_null(
            (pl.col("green_threshold") + pl.col("red_threshold")) / 2
        )
    )
