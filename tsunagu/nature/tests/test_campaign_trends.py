"""The pure trends module with series whose answers are known by hand."""

import datetime
import math

import pytest

from tsunagu.nature import campaign_trends as trends
from tsunagu.nature.campaign_trends import Direction


def test_theil_sen_is_the_median_of_pairwise_slopes():
    # slopes: (1,2)=2, (1,3)=1.5, (2,3)=1 -> median 1.5
    assert trends.theil_sen_slope([0, 1, 2], [0, 2, 3]) == 1.5


def test_theil_sen_resists_one_outlier():
    years = list(range(2015, 2025))
    values = [10 + 2 * (y - 2015) for y in years]
    values[4] = 500  # one exceptional night
    assert trends.theil_sen_slope(years, values) == 2


def test_theil_sen_needs_two_x_values():
    with pytest.raises(ValueError, match="two different x"):
        trends.theil_sen_slope([2020, 2020], [1, 2])


@pytest.mark.parametrize(
    ("series", "s", "p"),
    [
        ([1, 2, 3], 3, 2 / 6),  # exact: 2 of the 3! orders are as extreme
        ([1, 2, 3, 4], 6, 2 / 24),
        ([1, 2, 3, 4, 5], 10, 2 / 120),
        ([5, 4, 3, 2, 1], -10, 2 / 120),
        ([1, 3, 2, 4], 4, 8 / 24),  # |S| >= 4: 3 permutations at S=4, 1 at S=6, and mirrored
    ],
)
def test_mann_kendall_exact(series, s, p):
    assert trends.mann_kendall(series) == (s, pytest.approx(p))


def test_mann_kendall_with_ties_uses_the_corrected_normal_approximation():
    series = [1, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]  # one tie: pairs 55, S = 54
    s, p = trends.mann_kendall(series)
    variance = (11 * 10 * 27 - 2 * 1 * 9) / 18
    z = (54 - 1) / math.sqrt(variance)
    assert s == 54
    assert p == pytest.approx(math.erfc(z / math.sqrt(2)))


def test_a_steady_decline_is_decreasing_with_its_percentage():
    result = trends.trend(range(2015, 2021), [10, 9, 8, 7, 6, 5])
    assert result.slope == -1
    assert result.percent_per_year == pytest.approx(-1 / 7.5 * 100)  # median of means is 7.5
    assert result.direction == Direction.DECREASING
    assert result.arrow == "↓"
    assert (result.seasons, result.first_year, result.last_year) == (6, 2015, 2020)


def test_increasing_series_in_any_order():
    result = trends.trend([2020, 2016, 2018, 2017, 2019], [12, 4, 8, 6, 10])
    assert result.slope == 2
    assert result.direction == Direction.INCREASING


def test_noise_without_direction_is_stable():
    result = trends.trend(range(2015, 2023), [5, 9, 4, 8, 6, 3, 9, 5])
    assert result.direction == Direction.STABLE
    assert result.p_value > 0.05


def test_four_seasons_cannot_be_significant():
    result = trends.trend([2020, 2021, 2022, 2023], [1, 2, 3, 4])
    assert result.p_value == pytest.approx(2 / 24)
    assert result.direction == Direction.STABLE
    assert result.slope == 1


def test_fewer_than_three_seasons_is_not_enough_data():
    result = trends.trend([2020, 2021], [3, 8])
    assert result.direction == Direction.NOT_ENOUGH_DATA
    assert result.slope is None
    assert result.percent_per_year is None
    assert result.seasons == 2


def test_all_zero_seasons_are_stable_without_a_percentage():
    result = trends.trend([2020, 2021, 2022], [0, 0, 0])
    assert result.direction == Direction.STABLE
    assert result.slope == 0
    assert result.percent_per_year is None


def _row(visit, site, day, taxon, count):
    return {"visit_id": visit, "site": site, "date": day, "taxon": taxon, "count": count}


def test_seasons_keep_zero_counts_and_skip_unknown_ones():
    d = datetime.date
    frame = trends.counts_frame(
        [
            _row(1, "a", d(2020, 6, 1), "genji", 4),
            _row(1, "a", d(2020, 6, 1), "heike", 0),
            _row(2, "a", d(2020, 6, 8), "genji", 0),
            _row(2, "a", d(2020, 6, 8), "heike", 2),
            _row(3, "a", d(2021, 6, 3), "genji", 6),
            _row(3, "a", d(2021, 6, 3), "heike", None),  # not looked for
        ]
    )
    seasons = trends.seasons(trends.with_all_taxa(frame))
    rows = {(r["taxon"], r["year"]): r for r in seasons.to_dicts()}
    assert rows[("genji", 2020)] == {
        "site": "a",
        "taxon": "genji",
        "year": 2020,
        "visits": 2,
        "total": 4,
        "mean": 2.0,
        "max": 4,
    }
    assert rows[("heike", 2020)]["mean"] == 1.0  # the zero counts as a visit
    assert ("heike", 2021) not in rows  # unknown is not zero
    assert rows[("all", 2020)]["total"] == 6
    assert rows[("all", 2020)]["visits"] == 2
    assert ("all", 2021) not in rows  # an incomplete visit has no comparable total


def test_nights_add_visits_of_the_same_night():
    d = datetime.date(2024, 6, 10)
    frame = trends.counts_frame([_row(1, "a", d, "g", 3), _row(2, "a", d, "g", 0)])
    nights = trends.nights(frame).to_dicts()
    assert nights == [{"site": "a", "taxon": "g", "date": d, "visits": 2, "total": 3}]


def test_site_trends_per_site_and_taxon():
    rows = []
    visit = 0
    for year in range(2015, 2021):
        for site, count in (("up", year - 2014), ("down", 2021 - year)):
            visit += 1
            rows.append(_row(visit, site, datetime.date(year, 6, 10), "g", count))
    result = trends.site_trends(trends.seasons(trends.counts_frame(rows)))
    assert result[("up", "g")].direction == Direction.INCREASING
    assert result[("down", "g")].direction == Direction.DECREASING
    assert result[("up", "g")].slope == 1
    assert result[("down", "g")].slope == -1
