"""Pure scoring: every boundary of the encoded ranges, and the definitions' integrity."""

import pytest

from tsunagu.biodiversity_index.definitions import COMPONENTS, INDICATORS
from tsunagu.biodiversity_index.scoring import (
    Cut,
    Direction,
    Thresholds,
    describe,
    points,
    thresholds_from,
)

BY_NUMBER = {entry["number"]: thresholds_from(entry["thresholds"]) for entry in INDICATORS}


@pytest.mark.parametrize(
    ("number", "value", "expected"),
    [
        # 1 natural areas: < 1.0 | 1.0–6.9 | 7.0–13.9 | 14.0–20.0 | > 20.0 (%)
        (1, 0.0, 0),
        (1, 0.99, 0),
        (1, 1.0, 1),
        (1, 6.9, 1),
        (1, 6.95, 2),
        (1, 7.0, 2),
        (1, 13.9, 2),
        (1, 14.0, 3),
        (1, 20.0, 3),
        (1, 20.01, 4),
        (1, 100.0, 4),
        # 3 bird species: < 12 | 12–19 | 20–27 | 28–46 | > 46
        (3, 11, 0),
        (3, 12, 1),
        (3, 19, 1),
        (3, 20, 2),
        (3, 27, 2),
        (3, 28, 3),
        (3, 46, 3),
        (3, 47, 4),
        # 4–8 change in native species: maintained or decrease | +1 | +2 | +3 | +4 or more
        (4, -5, 0),
        (5, 0, 0),
        (6, 1, 1),
        (7, 2, 2),
        (8, 3, 3),
        (4, 4, 4),
        (5, 40, 4),
        # 9 protected areas: < 1.4 | 1.4–5.5 | 5.6–11.1 | 11.2–19.4 | > 19.4 (%)
        (9, 1.39, 0),
        (9, 1.4, 1),
        (9, 5.5, 1),
        (9, 5.6, 2),
        (9, 11.1, 2),
        (9, 11.2, 3),
        (9, 19.4, 3),
        (9, 19.5, 4),
        # 10 invasive alien species (lower is better): > 30 | 20.1–30 | 11.1–20 | 1–11 | < 1
        (10, 50.0, 0),
        (10, 30.01, 0),
        (10, 30.0, 1),
        (10, 20.1, 1),
        (10, 20.05, 1),
        (10, 20.0, 2),
        (10, 11.1, 2),
        (10, 11.0, 3),
        (10, 1.0, 3),
        (10, 0.99, 4),
        (10, 0.0, 4),
        # 11 permeable area
        (11, 33.0, 0),
        (11, 33.1, 1),
        (11, 39.7, 1),
        (11, 39.8, 2),
        (11, 64.2, 2),
        (11, 64.3, 3),
        (11, 75.0, 3),
        (11, 75.1, 4),
        # 12 tree canopy
        (12, 10.4, 0),
        (12, 10.5, 1),
        (12, 19.1, 1),
        (12, 19.2, 2),
        (12, 29.0, 2),
        (12, 29.1, 3),
        (12, 59.7, 3),
        (12, 59.8, 4),
        # 13 parks per 1,000 persons
        (13, 0.09, 0),
        (13, 0.1, 1),
        (13, 0.3, 1),
        (13, 0.4, 2),
        (13, 0.6, 2),
        (13, 0.7, 3),
        (13, 0.9, 3),
        (13, 0.91, 4),
        # 15 education visits per child: 0 | 1 | 2 | 3 | > 3
        (15, 0, 0),
        (15, 1, 1),
        (15, 2, 2),
        (15, 3, 3),
        (15, 3.5, 4),
        # 17 budget share
        (17, 0.39, 0),
        (17, 0.4, 1),
        (17, 2.2, 1),
        (17, 2.3, 2),
        (17, 2.7, 2),
        (17, 2.8, 3),
        (17, 3.7, 3),
        (17, 3.8, 4),
        # 18 projects
        (18, 11, 0),
        (18, 12, 1),
        (18, 21, 1),
        (18, 22, 2),
        (18, 38, 2),
        (18, 39, 3),
        (18, 75, 3),
        (18, 76, 4),
        # 23 partner organisations
        (23, 0, 0),
        (23, 1, 1),
        (23, 6, 1),
        (23, 7, 2),
        (23, 12, 2),
        (23, 13, 3),
        (23, 19, 3),
        (23, 20, 4),
        # 25 outreach events
        (25, 0, 0),
        (25, 1, 1),
        (25, 59, 1),
        (25, 60, 2),
        (25, 149, 2),
        (25, 150, 3),
        (25, 300, 3),
        (25, 301, 4),
    ],
)
def test_points_at_every_boundary(number, value, expected):
    assert points(value, BY_NUMBER[number]) == expected


def test_cut_points_must_be_four_and_in_order():
    with pytest.raises(ValueError, match="exactly four"):
        Thresholds(Direction.HIGHER, (Cut(1), Cut(2), Cut(3)))
    with pytest.raises(ValueError, match="not in order"):
        Thresholds(Direction.HIGHER, (Cut(1), Cut(3), Cut(2), Cut(4)))
    with pytest.raises(ValueError, match="not in order"):
        Thresholds(Direction.LOWER, (Cut(1), Cut(2), Cut(3), Cut(4)))


def test_no_thresholds_means_none():
    assert thresholds_from(None) is None
    assert BY_NUMBER[2] is None


def test_describe_names_the_five_ranges():
    assert describe(BY_NUMBER[1]) == ["< 1", "≥ 1, ≤ 6.9", "> 6.9, ≤ 13.9", "> 13.9, ≤ 20", "> 20"]
    assert describe(BY_NUMBER[10])[0] == "> 30"
    assert describe(BY_NUMBER[10])[-1] == "< 1"


def test_definitions_cover_28_indicators_in_three_components():
    numbers = [entry["number"] for entry in INDICATORS]
    assert numbers == list(range(1, 29))
    by_component = {c: [e["number"] for e in INDICATORS if e["component"] == c] for c in COMPONENTS}
    assert by_component == {
        "native": list(range(1, 11)),
        "services": list(range(11, 17)),
        "governance": list(range(17, 29)),
    }
    for entry in INDICATORS:
        assert all((entry["name_ja"], entry["name_en"], entry["unit_en"])), entry["number"]
        # a missing range is always said out loud
        assert entry["thresholds_note"], entry["number"]
