"""Survey campaign results: per-night and per-season summaries and a per-site trend.

Pure (polars, no Django) so that it can be tested with known series. Input is a tidy frame,
one row per visit × taxon: ``visit_id, site, date, taxon, count``. ``count`` is null when the
taxon was not looked for (an incomplete checklist); zero is a real zero and is kept.

The trend per site (and taxon) is deliberately simple and explainable:

* the season's value is the **mean count per visit** (visits differ between years);
* the slope is the **Theil–Sen** estimate: the median of the slopes between every pair of
  seasons, so one exceptional night moves it little;
* "% per year" is that slope relative to the median of the seasonal means;
* the direction comes from a two-sided **Mann–Kendall** test at 5 %: exact (Kendall's
  permutation distribution) when no two seasons tie, the normal approximation with the tie
  correction otherwise (and beyond 30 seasons). Not significant means "stable" (no clear
  change); fewer than ``MIN_SEASONS`` seasons means "not enough data". With 3 or 4 seasons
  the test cannot reach 5 % (the smallest exact p-values are 0.33 and 0.083), so such short
  series always read as stable: the % per year is still shown.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from statistics import median

import polars as pl

MIN_SEASONS = 3
SIGNIFICANCE = 0.05
EXACT_UP_TO = 30  # seasons; the exact distribution's cost grows as n³, the normal one is fine
ALL_TAXA = "all"


class Direction(StrEnum):
    INCREASING = "increasing"
    STABLE = "stable"
    DECREASING = "decreasing"
    NOT_ENOUGH_DATA = "not_enough_data"


ARROWS = {
    Direction.INCREASING: "↑",
    Direction.STABLE: "→",
    Direction.DECREASING: "↓",
    Direction.NOT_ENOUGH_DATA: "·",
}


@dataclass(frozen=True)
class Trend:
    seasons: int
    first_year: int | None
    last_year: int | None
    slope: float | None  # change of the mean count per visit, per year
    percent_per_year: float | None
    p_value: float | None
    direction: Direction

    @property
    def arrow(self) -> str:
        return ARROWS[self.direction]


def theil_sen_slope(xs: Sequence[float], ys: Sequence[float]) -> float:
    """The median of the pairwise slopes (pairs with equal x are skipped)."""
    slopes = [
        (ys[j] - ys[i]) / (xs[j] - xs[i])
        for i in range(len(xs))
        for j in range(i + 1, len(xs))
        if xs[j] != xs[i]
    ]
    if not slopes:
        raise ValueError("a slope needs two different x values")
    return median(slopes)


def _kendall_distribution(n: int) -> list[int]:
    """Number of permutations of n items with k inversions, k = 0 … n(n-1)/2 (Mahonian)."""
    counts = [1]
    for m in range(2, n + 1):
        longer = [0] * (len(counts) + m - 1)
        for k, ways in enumerate(counts):
            for extra in range(m):
                longer[k + extra] += ways
        counts = longer
    return counts


def mann_kendall(ys: Sequence[float]) -> tuple[int, float]:
    """Mann–Kendall S statistic and two-sided p-value for a series in time order."""
    n = len(ys)
    s = sum((ys[j] > ys[i]) - (ys[j] < ys[i]) for i in range(n) for j in range(i + 1, n))
    if n < 2:
        return 0, 1.0
    ties = [ys.count(value) for value in set(ys)]
    if n <= EXACT_UP_TO and all(t == 1 for t in ties):
        # S = pairs - 2 × inversions; under no trend every order of the values is equally likely.
        distribution = _kendall_distribution(n)
        pairs = n * (n - 1) // 2
        extreme = sum(
            ways
            for inversions, ways in enumerate(distribution)
            if abs(pairs - 2 * inversions) >= abs(s)
        )
        return s, min(1.0, extreme / math.factorial(n))
    variance = (n * (n - 1) * (2 * n + 5) - sum(t * (t - 1) * (2 * t + 5) for t in ties)) / 18
    if variance <= 0 or s == 0:
        return s, 1.0
    z = (s - math.copysign(1, s)) / math.sqrt(variance)  # continuity correction
    return s, math.erfc(abs(z) / math.sqrt(2))


def trend(years: Sequence[int], means: Sequence[float]) -> Trend:
    """The trend of seasonal means (one value per year, any order)."""
    pairs = sorted((int(y), float(m)) for y, m in zip(years, means, strict=True) if m is not None)
    xs = [y for y, _ in pairs]
    ys = [m for _, m in pairs]
    first, last = (xs[0], xs[-1]) if xs else (None, None)
    if len(pairs) < MIN_SEASONS:
        return Trend(len(pairs), first, last, None, None, None, Direction.NOT_ENOUGH_DATA)
    slope = theil_sen_slope(xs, ys)
    typical = median(ys)
    percent = slope / typical * 100 if typical > 0 else None
    s, p = mann_kendall(ys)
    if p < SIGNIFICANCE and s > 0:
        direction = Direction.INCREASING
    elif p < SIGNIFICANCE and s < 0:
        direction = Direction.DECREASING
    else:
        direction = Direction.STABLE
    return Trend(len(pairs), first, last, slope, percent, p, direction)


COLUMNS = {
    "visit_id": pl.Int64,
    "site": pl.String,
    "date": pl.Date,
    "taxon": pl.String,
    "count": pl.Int64,
}


def counts_frame(rows: Sequence[dict]) -> pl.DataFrame:
    """The tidy input frame (visit × taxon) from dicts with the COLUMNS keys."""
    return pl.DataFrame(list(rows), schema=COLUMNS)


def with_all_taxa(counts: pl.DataFrame) -> pl.DataFrame:
    """Adds one row per visit for taxon ALL_TAXA: the total of the visit's target taxa.

    A visit where some taxon was not looked for has no comparable total (null), so that an
    incomplete checklist does not look like a poor night.
    """
    totals = counts.group_by(["visit_id", "site", "date"]).agg(
        pl.when(pl.col("count").is_null().any())
        .then(None)
        .otherwise(pl.col("count").sum())
        .cast(pl.Int64)
        .alias("count")
    )
    totals = totals.with_columns(pl.lit(ALL_TAXA).alias("taxon")).select(list(COLUMNS))
    return pl.concat([counts.select(list(COLUMNS)), totals])


def nights(counts: pl.DataFrame) -> pl.DataFrame:
    """Per site, taxon and night: visits and total count (a night may have several visits)."""
    return (
        counts.filter(pl.col("count").is_not_null())
        .group_by(["site", "taxon", "date"])
        .agg(pl.len().alias("visits"), pl.col("count").sum().alias("total"))
        .sort(["site", "taxon", "date"])
    )


def seasons(counts: pl.DataFrame) -> pl.DataFrame:
    """Per site, taxon and season (calendar year): visits, total, mean and max per visit."""
    return (
        counts.filter(pl.col("count").is_not_null())
        .with_columns(pl.col("date").dt.year().alias("year"))
        .group_by(["site", "taxon", "year"])
        .agg(
            pl.len().alias("visits"),
            pl.col("count").sum().alias("total"),
            pl.col("count").mean().alias("mean"),
            pl.col("count").max().alias("max"),
        )
        .sort(["site", "taxon", "year"])
    )


def site_trends(season_frame: pl.DataFrame) -> dict[tuple[str, str], Trend]:
    """The trend of the mean count per visit for every (site, taxon) in a seasons() frame."""
    result = {}
    for (site, taxon), group in season_frame.group_by(["site", "taxon"], maintain_order=True):
        result[(site, taxon)] = trend(group["year"].to_list(), group["mean"].to_list())
    return result
