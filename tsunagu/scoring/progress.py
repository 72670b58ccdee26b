"""The Open SDG / Statistics Canada progress measure, per series and per indicator.

Follows sdg-build's ``ProgressMeasure``: a compound annual growth rate (CAGR) from a base year
to the latest year, compared either with fixed thresholds (no target) or with the growth
needed to reach a target by the target year, then mapped to a status and a score in [-5, 5].
"""

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum


class ProgressStatus(StrEnum):
    TARGET_ACHIEVED = "target_achieved"
    SUBSTANTIAL_PROGRESS = "substantial_progress"
    MODERATE_PROGRESS = "moderate_progress"
    LIMITED_PROGRESS = "limited_progress"
    DETERIORATION = "deterioration"
    NOT_AVAILABLE = "not_available"


# sdg-build replaces a zero base or target by this, since growth from or to zero is undefined.
ZERO_REPLACEMENT = 0.001
# Exponent of the threshold reduction near a limit (Statistics Canada's calibration).
LIMIT_EXPONENT = 4.44


@dataclass(frozen=True)
class Thresholds:
    high: float
    med: float
    low: float


WITHOUT_TARGET = Thresholds(high=0.015, med=0.005, low=0.0)
WITH_TARGET = Thresholds(high=0.95, med=0.6, low=0.0)


@dataclass(frozen=True)
class ProgressOptions:
    """One series' configuration; ``positive`` means an increase is desirable."""

    base_year: int = 2015
    target: float | None = None
    target_year: int = 2030
    positive: bool = False
    limit: float | None = None


@dataclass(frozen=True)
class SeriesProgress:
    status: ProgressStatus
    progress_value: float | None = None
    score: float | None = None
    target_achieved: bool = False
    base_year: int | None = None
    base_value: float | None = None
    current_year: int | None = None
    current_value: float | None = None


@dataclass(frozen=True)
class IndicatorProgress:
    status: ProgressStatus
    score: float | None


def cagr(current_value: float, base_value: float, current_year: float, base_year: float) -> float:
    """Compound annual growth rate; the two values must share a sign and the years differ."""
    if base_value == 0 or opposite_signs(current_value, base_value):
        raise ValueError(f"no growth rate from {base_value} to {current_value}")
    if current_value == 0:
        return -1.0
    # Logarithms rather than a ratio, so that extreme values neither underflow nor overflow.
    log_ratio = math.log(abs(current_value)) - math.log(abs(base_value))
    try:
        return math.expm1(log_ratio / (current_year - base_year))
    except OverflowError:
        return math.inf


def opposite_signs(first: float, second: float) -> bool:
    # Compared rather than multiplied: a product of tiny values underflows to zero.
    return first < 0 < second or second < 0 < first


def limit_coefficient(base_value: float, limit: float) -> float:
    """The factor C that shrinks the no-target thresholds as the base value nears the limit."""
    base, limit = abs(base_value), abs(limit)
    # Checked first so that a zero base with a zero limit keeps full thresholds.
    if base >= 2 * limit:
        return 1.0
    if base <= limit:
        return 1 - (base / limit) ** LIMIT_EXPONENT
    return 1 - ((2 * limit - base) / limit) ** LIMIT_EXPONENT


def status_from_progress_value(value: float, thresholds: Thresholds) -> ProgressStatus:
    if value >= thresholds.high:
        return ProgressStatus.SUBSTANTIAL_PROGRESS
    if value >= thresholds.med:
        return ProgressStatus.MODERATE_PROGRESS
    if value >= thresholds.low:
        return ProgressStatus.LIMITED_PROGRESS
    return ProgressStatus.DETERIORATION


def score_with_target(value: float) -> float:
    if value >= WITH_TARGET.med:
        return min(7.1429 * value - 4.2857, 5.0)
    return max(4.1667 * value - 2.5, -5.0)


def score_without_target(value: float, coefficient: float = 1.0) -> float:
    """Score against thresholds already multiplied by ``coefficient`` (C)."""
    thresholds = scaled(WITHOUT_TARGET, coefficient)
    if value < thresholds.low:
        return max(125 * value - 2.5, -5.0)
    if coefficient == 0:
        # The base sits on the limit and the value held or improved: nothing more to ask.
        return 5.0
    # Dividing by C puts the value back on the scale of the unreduced thresholds.
    if value >= thresholds.high:
        return min(500 * value / coefficient - 5, 5.0)
    if value >= thresholds.med:
        return 250 * value / coefficient - 1.25
    return 500 * value / coefficient - 2.5


def scaled(thresholds: Thresholds, coefficient: float) -> Thresholds:
    return Thresholds(
        high=thresholds.high * coefficient,
        med=thresholds.med * coefficient,
        low=thresholds.low * coefficient,
    )


def is_target_achieved(current_value: float, target: float | None, positive: bool) -> bool:
    """At or beyond the target in the desirable direction."""
    if target is None:
        return False
    return current_value >= target if positive else current_value <= target


def series_progress(
    years: Sequence[int], values: Sequence[float], options: ProgressOptions | None = None
) -> SeriesProgress:
    """Progress of one series given one value per year (years need not be sorted)."""
    options = options or ProgressOptions()
    if len(years) != len(values):
        raise ValueError("years and values differ in length")
    if len(set(years)) != len(years):
        raise ValueError("a series has one value per year")
    if not years:
        return SeriesProgress(status=ProgressStatus.NOT_AVAILABLE)

    by_year = dict(zip(years, values, strict=True))
    current_year = max(by_year)
    current_value = by_year[current_year]
    target = options.target
    if target == 0:
        target = ZERO_REPLACEMENT
    achieved = is_target_achieved(current_value, target, options.positive)
    # Like sdg-build, an achieved target wins over everything that follows.
    if achieved:
        unavailable = SeriesProgress(
            status=ProgressStatus.TARGET_ACHIEVED, score=5.0, target_achieved=True
        )
    else:
        unavailable = SeriesProgress(status=ProgressStatus.NOT_AVAILABLE)

    later_years = [year for year in by_year if year >= options.base_year]
    if not later_years:
        return unavailable
    base_year = min(later_years)
    base_value = by_year[base_year]
    # Sign and limit coefficient use the base as observed, as in sdg-build: a zero base counts
    # as positive, and is replaced only for the growth rates.
    sign = -1 if base_value < 0 else 1
    coefficient = 1.0 if options.limit is None else limit_coefficient(base_value, options.limit)
    if base_value == 0:
        base_value = ZERO_REPLACEMENT
    context = {
        "base_year": base_year,
        "base_value": base_value,
        "current_year": current_year,
        "current_value": current_value,
    }
    if opposite_signs(base_value, current_value) or current_year - base_year < 1:
        return replace(unavailable, **context)

    direction = 1 if options.positive else -1
    # Adding 0.0 turns the -0.0 of an unchanged series into 0.0.
    observed = sign * direction * cagr(current_value, base_value, current_year, base_year) + 0.0
    if target is None:
        thresholds = scaled(WITHOUT_TARGET, coefficient)
        value = observed
        score = score_without_target(value, coefficient)
    else:
        if opposite_signs(target, base_value) or options.target_year <= base_year:
            return replace(unavailable, **context)
        required = cagr(target, base_value, options.target_year, base_year)
        thresholds = WITH_TARGET
        value = observed / abs(required) if required else math.copysign(math.inf, observed)
        score = score_with_target(value)

    if math.isnan(value):
        return replace(unavailable, **context)  # both growth rates overflowed: no comparison
    if achieved:
        status, score = ProgressStatus.TARGET_ACHIEVED, 5.0
    else:
        status = status_from_progress_value(value, thresholds)
    return SeriesProgress(
        status=status, progress_value=value, score=score, target_achieved=achieved, **context
    )


def status_from_score(score: float, target_achieved: bool = False) -> ProgressStatus:
    """Band an indicator's mean score into a status."""
    if target_achieved:
        return ProgressStatus.TARGET_ACHIEVED
    if score >= 2.5:
        return ProgressStatus.SUBSTANTIAL_PROGRESS
    if score >= 0:
        return ProgressStatus.MODERATE_PROGRESS
    if score >= -2.5:
        return ProgressStatus.LIMITED_PROGRESS
    return ProgressStatus.DETERIORATION


def indicator_progress(series: Iterable[SeriesProgress]) -> IndicatorProgress:
    """Mean score of the series that have one; the target counts only if all achieved it."""
    scored = [one for one in series if one.score is not None]
    if not scored:
        return IndicatorProgress(status=ProgressStatus.NOT_AVAILABLE, score=None)
    score = math.fsum(one.score for one in scored if one.score is not None) / len(scored)
    achieved = all(one.target_achieved for one in scored)
    return IndicatorProgress(status=status_from_score(score, achieved), score=score)
