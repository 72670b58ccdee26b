import csv
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tsunagu.core.sdg_codes import split_local_target_code, target_position, target_sort_key

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def official_codes() -> list[str]:
    with (FIXTURES / "targets.csv").open(encoding="utf-8") as handle:
        return [row["target"] for row in csv.DictReader(handle)]


def test_numbered_targets_sort_before_lettered_ones():
    assert sorted(["6.a", "6.10", "6.9", "6.b", "6.1"], key=target_sort_key) == [
        "6.1",
        "6.9",
        "6.10",
        "6.a",
        "6.b",
    ]
    assert target_position("6.9") < target_position("6.a") < target_position("7.1")


@given(st.permutations(official_codes()))
def test_any_shuffle_sorts_back_to_the_official_order(shuffled):
    assert sorted(shuffled, key=target_sort_key) == official_codes()
    assert sorted(shuffled, key=target_position) == official_codes()


@pytest.mark.parametrize("bad", ["6", "6.", "6.A", "x.1", "6.ab", "18.1.1", ""])
def test_malformed_target_codes_are_rejected(bad):
    with pytest.raises(ValueError, match="not an SDG target code"):
        target_sort_key(bad)


def test_local_target_codes_split_into_target_and_number():
    assert split_local_target_code("11.4.2") == ("11.4", 2)
    assert split_local_target_code("6.a.10") == ("6.a", 10)
    with pytest.raises(ValueError, match="local target code"):
        split_local_target_code("11.4")
