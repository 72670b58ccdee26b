"""Scoring a City Biodiversity Index indicator: a measured value → 0–4 points. No Django.

The Handbook publishes each indicator's ranges as, for example, "0: < 1.0 %, 1: 1.0 %–6.9 %,
2: 7.0 %–13.9 %, 3: 14.0 %–20.0 %, 4: > 20.0 %". The ranges are read as contiguous: a printed
bound belongs to the range it is printed in, and anything between two printed ranges (6.95 %)
belongs to the next one ("1.0–6.9" means up to and including 6.9). A range is encoded by the
four cut points that separate the five scores: `Cut(value, inclusive)` is the value that earns
the next point (higher is better: at or above it if inclusive, above it otherwise; lower is
better: at or below, or below).
"""

from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise

MAX_POINTS = 4


class Direction(StrEnum):
    HIGHER = "higher"
    LOWER = "lower"


@dataclass(frozen=True)
class Cut:
    value: float
    inclusive: bool = True


@dataclass(frozen=True)
class Thresholds:
    direction: Direction
    cuts: tuple[Cut, Cut, Cut, Cut]  # to earn 1, 2, 3 and 4 points

    def __post_init__(self) -> None:
        if len(self.cuts) != MAX_POINTS:
            raise ValueError("thresholds need exactly four cut points (for 1 to 4 points)")
        values = [c.value for c in self.cuts]
        ordered = sorted(values) if self.direction == Direction.HIGHER else sorted(values)[::-1]
        if values != ordered:
            raise ValueError(f"cut points {values} are not in order for '{self.direction}'")


def _reaches(value: float, cut: Cut, direction: Direction) -> bool:
    if direction == Direction.HIGHER:
        return value > cut.value or (cut.inclusive and value == cut.value)
    return value < cut.value or (cut.inclusive and value == cut.value)


def points(value: float, thresholds: Thresholds) -> int:
    """The points a value earns: how many cut points it reaches, in order."""
    earned = 0
    for cut in thresholds.cuts:
        if not _reaches(value, cut, thresholds.direction):
            break
        earned += 1
    return earned


def thresholds_from(spec: dict | None) -> Thresholds | None:
    """Build thresholds from the data format: {"direction": ..., "cuts": [[value, incl], …]}."""
    if not spec:
        return None
    return Thresholds(
        direction=Direction(spec["direction"]),
        cuts=tuple(Cut(float(v), bool(inclusive)) for v, inclusive in spec["cuts"]),  # type: ignore[arg-type]
    )


def describe(thresholds: Thresholds) -> list[str]:
    """The five ranges in words, 0 to 4 points (e.g. "< 1", "≥ 1, ≤ 6.9", …, "> 20")."""
    cuts = thresholds.cuts
    higher = thresholds.direction == Direction.HIGHER

    def reach(cut: Cut) -> str:  # the condition that earns this cut's point
        if higher:
            return f"{'≥' if cut.inclusive else '>'} {cut.value:g}"
        return f"{'≤' if cut.inclusive else '<'} {cut.value:g}"

    def miss(cut: Cut) -> str:  # the condition that falls short of it
        if higher:
            return f"{'<' if cut.inclusive else '≤'} {cut.value:g}"
        return f"{'>' if cut.inclusive else '≥'} {cut.value:g}"

    middle = [f"{reach(low)}, {miss(high)}" for low, high in pairwise(cuts)]
    return [miss(cuts[0]), *middle, reach(cuts[3])]
