import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tsunagu.scoring.progress import (
    LIMIT_EXPONENT,
    ProgressOptions,
    ProgressStatus,
    SeriesProgress,
    cagr,
    indicator_progress,
    limit_coefficient,
    series_progress,
    status_from_score,
)

S = ProgressStatus
WORKED_EXAMPLE_OPTIONS = ProgressOptions(target=7.25)  # negative direction, 2015 → 2030


def growing(rate: float, base: float = 100.0, years: int = 5) -> tuple[list[int], list[float]]:
    """A series from 2015 whose value compounds at ``rate`` a year."""
    return [2015, 2015 + years], [base, base * (1 + rate) ** years]


def towards_target(progress_value: float) -> tuple[list[int], list[float]]:
    """Base 100 in 2015, target 50 in 2030, current (2023) at ``progress_value`` of the pace."""
    required = abs(cagr(50, 100, 2030, 2015))
    return [2015, 2023], [100.0, 100 * (1 - progress_value * required) ** 8]


TARGET_HALF = ProgressOptions(target=50)


def test_worked_example():
    result = series_progress([2015, 2023], [14.5, 10.4], WORKED_EXAMPLE_OPTIONS)

    assert f"{result.progress_value:.5g}" == "0.90109"
    assert result.score == pytest.approx(2.1507, abs=5e-5)
    # 0.6 <= 0.90109 < 0.95 for the series, and 0 <= 2.1507 < 2.5 for the indicator band.
    assert result.status is S.MODERATE_PROGRESS
    assert indicator_progress([result]).status is S.MODERATE_PROGRESS
    assert (result.base_year, result.current_year) == (2015, 2023)


def test_cagr():
    assert cagr(121, 100, 2017, 2015) == pytest.approx(0.1)
    assert cagr(0, 5, 2020, 2015) == -1.0
    with pytest.raises(ValueError, match="no growth rate"):
        cagr(-1, 5, 2020, 2015)


@pytest.mark.parametrize(
    ("rate", "status", "score"),
    [
        (0.016, S.SUBSTANTIAL_PROGRESS, 500 * 0.016 - 5),
        (0.05, S.SUBSTANTIAL_PROGRESS, 5.0),  # capped
        (0.01, S.MODERATE_PROGRESS, 250 * 0.01 - 1.25),
        (0.002, S.LIMITED_PROGRESS, 500 * 0.002 - 2.5),
        (0.0, S.LIMITED_PROGRESS, -2.5),
        (-0.01, S.DETERIORATION, 125 * -0.01 - 2.5),
        (-0.5, S.DETERIORATION, -5.0),  # floored
    ],
)
def test_statuses_without_target(rate, status, score):
    result = series_progress(*growing(rate), ProgressOptions(positive=True))

    assert result.progress_value == pytest.approx(rate)
    assert result.status is status
    assert result.score == pytest.approx(score)
    assert not result.target_achieved


@pytest.mark.parametrize(
    ("progress_value", "status", "score"),
    [
        (1.5, S.SUBSTANTIAL_PROGRESS, 5.0),  # capped
        (1.0, S.SUBSTANTIAL_PROGRESS, 7.1429 - 4.2857),
        (0.7, S.MODERATE_PROGRESS, 7.1429 * 0.7 - 4.2857),
        (0.3, S.LIMITED_PROGRESS, 4.1667 * 0.3 - 2.5),
        (-0.5, S.DETERIORATION, 4.1667 * -0.5 - 2.5),
        (-3.0, S.DETERIORATION, -5.0),  # floored
    ],
)
def test_statuses_with_target(progress_value, status, score):
    result = series_progress(*towards_target(progress_value), TARGET_HALF)

    assert result.progress_value == pytest.approx(progress_value)
    assert result.status is status
    assert result.score == pytest.approx(score)


@pytest.mark.parametrize(
    ("current", "options"),
    [
        (7.0, ProgressOptions(target=7.25)),
        (7.25, ProgressOptions(target=7.25)),  # at the target counts
        (30.0, ProgressOptions(target=30, positive=True)),
        (31.0, ProgressOptions(target=30, positive=True)),
    ],
)
def test_target_achieved(current, options):
    result = series_progress([2015, 2023], [14.5 if not options.positive else 20, current], options)

    assert result.target_achieved
    assert result.status is S.TARGET_ACHIEVED
    assert result.score == 5


def test_target_not_achieved_just_short_of_it():
    result = series_progress([2015, 2023], [14.5, 7.26], WORKED_EXAMPLE_OPTIONS)

    assert not result.target_achieved
    assert result.status is S.SUBSTANTIAL_PROGRESS


def test_direction_decides_what_is_progress():
    years, values = growing(-0.01)

    assert series_progress(years, values).status is S.MODERATE_PROGRESS  # negative by default
    rising_wanted = series_progress(years, values, ProgressOptions(positive=True))
    assert rising_wanted.status is S.DETERIORATION
    assert rising_wanted.progress_value == pytest.approx(-0.01)


def test_negative_base_flips_the_sign():
    # From -100 to -105: the value rose in magnitude, i.e. fell, which a positive indicator regrets.
    years, values = growing(0.01, base=-100)

    result = series_progress(years, values, ProgressOptions(positive=True))

    assert result.progress_value == pytest.approx(-0.01)
    assert result.status is S.DETERIORATION


def test_limit_coefficient_regimes():
    reduced = 1 - 0.5**LIMIT_EXPONENT

    assert limit_coefficient(30, 10) == 1  # base at least twice the limit
    assert limit_coefficient(20, 10) == 1
    assert limit_coefficient(5, 10) == pytest.approx(reduced)  # base below the limit
    assert limit_coefficient(15, 10) == pytest.approx(reduced)  # between limit and twice it
    assert limit_coefficient(-5, -10) == pytest.approx(reduced)  # magnitudes
    assert limit_coefficient(10, 10) == 0
    assert limit_coefficient(0, 0) == 1


def test_limit_lowers_the_thresholds_and_rescales_the_score():
    coefficient = 1 - 0.5**LIMIT_EXPONENT  # base 5, limit 10
    years, values = growing(0.0146, base=5)

    plain = series_progress(years, values, ProgressOptions(positive=True))
    limited = series_progress(years, values, ProgressOptions(positive=True, limit=10))

    assert plain.status is S.MODERATE_PROGRESS
    assert limited.status is S.SUBSTANTIAL_PROGRESS  # 0.0146 >= 0.015 * C
    assert limited.score == pytest.approx(500 * 0.0146 / coefficient - 5)
    moderate = series_progress(*growing(0.01, base=5), ProgressOptions(positive=True, limit=10))
    assert moderate.score == pytest.approx(250 * 0.01 / coefficient - 1.25)
    limited_progress = series_progress(
        *growing(0.002, base=5), ProgressOptions(positive=True, limit=10)
    )
    assert limited_progress.status is S.LIMITED_PROGRESS
    assert limited_progress.score == pytest.approx(500 * 0.002 / coefficient - 2.5)


def test_limit_far_away_changes_nothing():
    years, values = growing(0.01, base=50)

    with_limit = series_progress(years, values, ProgressOptions(positive=True, limit=10))

    assert with_limit == series_progress(years, values, ProgressOptions(positive=True))


def test_base_on_the_limit_gives_full_score_unless_deteriorating():
    held = series_progress([2015, 2020], [10.0, 10.0], ProgressOptions(limit=10))
    worse = series_progress(*growing(0.01, base=10), ProgressOptions(limit=10))

    assert (held.status, held.score) == (S.SUBSTANTIAL_PROGRESS, 5)
    assert worse.status is S.DETERIORATION
    assert worse.score == pytest.approx(125 * -0.01 - 2.5)


def test_zero_base_becomes_a_thousandth():
    result = series_progress([2015, 2020], [0.0, 0.002], ProgressOptions(positive=True))

    assert result.base_value == 0.001
    assert result.progress_value == pytest.approx(2**0.2 - 1)
    assert result.status is S.SUBSTANTIAL_PROGRESS


def test_zero_target_becomes_a_thousandth():
    result = series_progress([2015, 2020], [1.0, 0.5], ProgressOptions(target=0))

    required = 0.001 ** (1 / 15) - 1
    assert result.progress_value == pytest.approx(-(0.5**0.2 - 1) / abs(required))
    assert not result.target_achieved
    reached = series_progress([2015, 2020], [1.0, 0.0005], ProgressOptions(target=0))
    assert reached.status is S.TARGET_ACHIEVED


@pytest.mark.parametrize(
    ("years", "values"),
    [
        ([2015, 2020], [5.0, -1.0]),  # opposite signs
        ([2015, 2020], [-5.0, 1.0]),
        ([2015], [3.0]),  # a single year
        ([2010, 2012], [3.0, 4.0]),  # nothing from the base year on
        ([], []),
    ],
)
def test_not_available(years, values):
    result = series_progress(years, values)

    assert result.status is S.NOT_AVAILABLE
    assert result.progress_value is None
    assert result.score is None


def test_target_with_opposite_sign_is_not_available():
    assert series_progress([2015, 2020], [5.0, 4.0], ProgressOptions(target=-1)).score is None


def test_base_year_moves_to_the_next_year_with_data():
    result = series_progress([2012, 2016, 2018, 2020], [9.0, 8.0, 7.0, 6.0])

    assert (result.base_year, result.base_value) == (2016, 8.0)
    assert result.progress_value == pytest.approx(-((6 / 8) ** 0.25 - 1))
    earlier = series_progress([2012, 2016, 2020], [9.0, 8.0, 6.0], ProgressOptions(base_year=2012))
    assert earlier.base_year == 2012


def test_repeated_years_are_refused():
    with pytest.raises(ValueError, match="one value per year"):
        series_progress([2015, 2015], [1.0, 2.0])


@pytest.mark.parametrize(
    ("score", "status"),
    [
        (5, S.SUBSTANTIAL_PROGRESS),
        (2.5, S.SUBSTANTIAL_PROGRESS),
        (2.49, S.MODERATE_PROGRESS),
        (0, S.MODERATE_PROGRESS),
        (-0.01, S.LIMITED_PROGRESS),
        (-2.5, S.LIMITED_PROGRESS),
        (-2.51, S.DETERIORATION),
        (-5, S.DETERIORATION),
    ],
)
def test_indicator_score_bands(score, status):
    assert status_from_score(score) is status
    series = SeriesProgress(status=S.MODERATE_PROGRESS, progress_value=0.0, score=score)
    assert indicator_progress([series]).status is status


def test_indicator_is_the_mean_of_its_scored_series():
    worked = series_progress([2015, 2023], [14.5, 10.4], WORKED_EXAMPLE_OPTIONS)
    achieved = series_progress([2015, 2023], [14.5, 7.0], WORKED_EXAMPLE_OPTIONS)
    missing = series_progress([2015], [14.5])

    result = indicator_progress([worked, achieved, missing])

    assert result.score == pytest.approx((worked.score + 5) / 2)
    assert result.status is S.SUBSTANTIAL_PROGRESS  # not every series achieved its target


def test_indicator_achieves_only_when_every_series_does():
    achieved = series_progress([2015, 2023], [14.5, 7.0], WORKED_EXAMPLE_OPTIONS)
    positive = series_progress([2015, 2023], [1.0, 40.0], ProgressOptions(target=30, positive=True))

    result = indicator_progress([achieved, positive])

    assert (result.status, result.score) == (S.TARGET_ACHIEVED, 5)


def test_indicator_without_scores_is_not_available():
    result = indicator_progress([series_progress([2015], [1.0])])

    assert (result.status, result.score) == (S.NOT_AVAILABLE, None)
    assert indicator_progress([]).status is S.NOT_AVAILABLE


finite = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False)
extreme = st.floats(allow_nan=False, allow_infinity=False)


@given(
    years=st.lists(st.integers(1990, 2040), min_size=1, max_size=6, unique=True),
    data=st.data(),
    target=st.none() | finite,
    limit=st.none() | finite,
    positive=st.booleans(),
    base_year=st.integers(1990, 2040),
)
def test_score_always_within_bounds(years, data, target, limit, positive, base_year):
    values = data.draw(st.lists(finite | extreme, min_size=len(years), max_size=len(years)))
    options = ProgressOptions(base_year, target, 2030, positive, limit)

    result = series_progress(years, values, options)

    if result.score is None:
        assert result.status in (S.NOT_AVAILABLE,)
    else:
        assert -5 <= result.score <= 5
        assert not math.isnan(result.score)
    assert -5 <= (indicator_progress([result]).score or 0) <= 5
