"""Benchmark the SDSN scoring pipeline: the polars engine against a plain pandas version.

Synthetic data shaped like Japan's municipalities: 1,741 areas × 250 indicators × 23 years
(about 10 million values, some missing). Both pipelines run bounds → normalise → goal and
index scores → colours → trends → ranks on the same data; their index scores must agree.
Run with ``make bench-scoring``.
"""

import sys
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tsunagu.scoring.sdsn import sdsn_pipeline

AREAS = 1741
INDICATORS = 250
GOALS = 17
FIRST_YEAR, LAST_YEAR = 2000, 2022
MISSING_SHARE = 0.05
TARGET_YEAR = 2030
MIN_COVERAGE = 0.8
SEED = 20180
TARGET_SECONDS = 1.0
TARGET_RATIO = 5.0


def synthetic_data(rng: np.random.Generator) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Values (area, indicator, year, value) and a spec with half its lower bounds empty."""
    years = np.arange(FIRST_YEAR, LAST_YEAR + 1)
    level = rng.uniform(20, 80, size=(AREAS, INDICATORS, 1))
    slope = rng.normal(0, 1, size=(AREAS, INDICATORS, 1))
    noise = rng.normal(0, 3, size=(AREAS, INDICATORS, years.size))
    value = level + slope * (years - FIRST_YEAR) + noise
    value[rng.random(value.shape) < MISSING_SHARE] = np.nan
    # A few areas report little, so that the coverage rule leaves them unranked.
    sparse = rng.choice(AREAS, size=AREAS // 50, replace=False)
    value[sparse, : INDICATORS // 3, :] = np.nan
    areas = np.array([f"A{i:04d}" for i in range(AREAS)])
    indicators = np.array([f"I{i:03d}" for i in range(INDICATORS)])
    values = pl.DataFrame(
        {
            "area": np.repeat(areas, INDICATORS * years.size),
            "indicator": np.tile(np.repeat(indicators, years.size), AREAS),
            "year": np.tile(years, AREAS * INDICATORS),
            "value": value.ravel(),
        }
    ).with_columns(pl.col("value").fill_nan(None))
    higher = rng.random(INDICATORS) < 0.5
    best = np.where(higher, 110.0, -10.0)
    worst = np.where(higher, 0.0, 100.0)
    green = np.where(higher, 70.0, 30.0)
    red = np.where(higher, 40.0, 60.0)
    spec = pl.DataFrame(
        {
            "indicator": indicators,
            "goal": np.arange(INDICATORS) % GOALS + 1,
            "direction": np.where(higher, "higher", "lower"),
            "lower_bound": np.where(np.arange(INDICATORS) % 2 == 0, worst, np.nan),
            "upper_bound": best,
            "green_threshold": green,
            "yellow_threshold": np.full(INDICATORS, np.nan),
            "red_threshold": red,
        }
    ).with_columns(pl.col("lower_bound", "yellow_threshold").fill_nan(None))
    return values, spec


def polars_pipeline(values: pl.DataFrame, spec: pl.DataFrame) -> pd.Series:
    result = sdsn_pipeline(
        values, spec, year=LAST_YEAR, min_coverage=MIN_COVERAGE, target_year=TARGET_YEAR
    )
    return result.index.to_pandas().set_index("area")["score"]


def _better(frame: pd.DataFrame, column: str, threshold: str) -> pd.Series:
    sign = np.where(frame["direction"] == "lower", -1.0, 1.0)
    return (frame[column] - frame[threshold]) * sign >= 0


def pandas_pipeline(values: pd.DataFrame, spec: pd.DataFrame) -> pd.Series:
    """The same method written the usual pandas way: merges, groupby and vector arithmetic."""
    spec = spec.copy()
    spec["yellow_threshold"] = spec["yellow_threshold"].fillna(
        (spec["green_threshold"] + spec["red_threshold"]) / 2
    )
    current = values[values["year"] == LAST_YEAR]
    grouped = current.groupby("indicator", observed=True)["value"]
    worst = pd.DataFrame({"low": grouped.quantile(0.025), "high": grouped.quantile(0.975)})
    spec = spec.merge(worst, left_on="indicator", right_index=True, how="left")
    fill = np.where(spec["direction"] == "lower", spec["high"], spec["low"])
    spec["lower_bound"] = spec["lower_bound"].fillna(pd.Series(fill, index=spec.index))
    spec = spec.drop(columns=["low", "high"])

    frame = current.merge(spec, on="indicator")
    share = (frame["value"] - frame["lower_bound"]) / (frame["upper_bound"] - frame["lower_bound"])
    frame["score"] = share.clip(0, 1) * 100

    goals = frame.groupby(["area", "goal"], observed=True)["score"].mean().dropna()
    coverage = frame.dropna(subset=["value"]).groupby("area", observed=True).size() / len(spec)
    index = goals.groupby(level="area", observed=True).mean().to_frame("score")
    index["ranked"] = coverage.reindex(index.index).fillna(0) >= MIN_COVERAGE
    index["rank"] = index["score"].where(index["ranked"]).rank(method="min", ascending=False)

    frame = frame.dropna(subset=["value"])
    green = _better(frame, "value", "green_threshold")
    yellow = _better(frame, "value", "yellow_threshold")
    red = _better(frame, "value", "red_threshold")
    frame["colour"] = np.select([green, yellow, red], ["green", "yellow", "orange"], "red")

    def segment(low: str, high: str, base: float) -> pd.Series:
        return base + (frame["value"] - frame[low]) / (frame[high] - frame[low])

    frame["rating"] = np.select(
        [green, red],
        [
            segment("green_threshold", "upper_bound", 2),
            segment("red_threshold", "green_threshold", 1),
        ],
        segment("lower_bound", "red_threshold", 0),
    ).clip(0, 3)
    worst_two = frame.sort_values("rating").groupby(["area", "goal"], observed=True).head(2)
    two = worst_two.groupby(["area", "goal"], observed=True).agg(
        mean_two=("rating", "mean"),
        all_green=("colour", lambda c: (c == "green").all()),
        all_red=("colour", lambda c: (c == "red").all()),
    )
    counts = frame.groupby(["area", "goal"], observed=True).agg(
        n=("colour", "size"), only=("colour", "first")
    )
    sizes = spec.groupby("goal").size().rename("size")
    dash = counts.join(two).join(sizes, on="goal")
    dash["colour"] = np.select(
        [
            dash["n"] < 0.5 * dash["size"],
            dash["n"] == 1,
            dash["all_green"],
            dash["all_red"],
            dash["mean_two"] >= 1.5,
        ],
        ["grey", dash["only"], "green", "red", "yellow"],
        "orange",
    )

    series = values.dropna(subset=["value"])
    by_pair = series.groupby(["area", "indicator"], observed=True)["year"]
    first = series.loc[by_pair.idxmin(), ["area", "indicator", "year", "value"]]
    last = series.loc[by_pair.idxmax(), ["area", "indicator", "year", "value"]]
    ends = first.merge(last, on=["area", "indicator"], suffixes=("_first", "_last")).merge(
        spec[["indicator", "goal", "direction", "green_threshold"]], on="indicator"
    )
    sign = np.where(ends["direction"] == "lower", -1.0, 1.0)
    observed = (ends["value_last"] - ends["value_first"]) / (ends["year_last"] - ends["year_first"])
    needed = (ends["green_threshold"] - ends["value_first"]) / (TARGET_YEAR - ends["year_first"])
    first_green = (ends["value_first"] - ends["green_threshold"]) * sign >= 0
    last_green = (ends["value_last"] - ends["green_threshold"]) * sign >= 0
    ratio = observed / needed
    ends["trend"] = np.select(
        [
            ends["year_first"] == ends["year_last"],
            first_green & last_green,
            last_green,
            observed * sign < 0,
            ratio >= 1,
            ratio >= 0.5,
        ],
        [None, "maintaining", "on_track", "decreasing", "on_track", "moderately_improving"],
        "stagnating",
    )
    rating = {
        "decreasing": 0,
        "stagnating": 1,
        "moderately_improving": 2,
        "on_track": 3,
        "maintaining": 4,
    }
    ends["trend_rating"] = ends["trend"].map(rating)
    goal_trend = (
        ends.dropna(subset=["trend_rating"])
        .groupby(["area", "goal"], observed=True)
        .agg(n=("trend_rating", "size"), mean=("trend_rating", "mean"))
    )
    goal_trend = goal_trend.join(sizes, on="goal")
    goal_trend["trend"] = np.where(
        goal_trend["n"] >= 0.75 * goal_trend["size"],
        np.floor(goal_trend["mean"] + 0.5),
        np.nan,
    )
    return index["score"]


def best_of(runs: int, run: Callable[[], pd.Series]) -> tuple[float, pd.Series]:
    timings, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = run()
        timings.append(time.perf_counter() - start)
    print("  runs: " + ", ".join(f"{seconds:.2f}" for seconds in timings))
    return min(timings), result


def main() -> int:
    rng = np.random.default_rng(SEED)
    values, spec = synthetic_data(rng)
    print(
        f"data: {values.height:,} values ({AREAS} areas × {INDICATORS} indicators × "
        f"{LAST_YEAR - FIRST_YEAR + 1} years), {values['value'].null_count():,} missing"
    )
    polars_seconds, polars_index = best_of(3, lambda: polars_pipeline(values, spec))

    values_pd = values.to_pandas()
    values_pd[["area", "indicator"]] = values_pd[["area", "indicator"]].astype("category")
    spec_pd = spec.to_pandas()
    pandas_seconds, pandas_index = best_of(1, lambda: pandas_pipeline(values_pd, spec_pd))

    joined = pd.concat({"polars": polars_index, "pandas": pandas_index}, axis=1)
    difference = (joined["polars"] - joined["pandas"]).abs().max()
    same = len(polars_index) == len(pandas_index) == len(joined) and difference < 1e-9
    ratio = pandas_seconds / polars_seconds
    print(f"polars pipeline: {polars_seconds:.2f} s (best of 3)")
    print(f"pandas pipeline: {pandas_seconds:.2f} s")
    print(
        f"ratio: {ratio:.1f}x (target >= {TARGET_RATIO:g}x; polars target <= {TARGET_SECONDS:g} s)"
    )
    print(f"index scores agree: {same} ({len(joined)} areas, max difference {difference:.2e})")
    return 0 if same else 1


if __name__ == "__main__":
    raise SystemExit(main())
