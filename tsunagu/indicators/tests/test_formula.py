import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tsunagu.indicators.formula import (
    FormulaError,
    formula_expression,
    formula_statistics,
    indicator_values,
)


@pytest.mark.parametrize(
    "formula",
    [
        "__import__('os').system('id')",
        "A1101 ** 2",
        "A1101 if 1 else 0",
        "abs(A1101)",
        "A1101.real",
        "[A1101]",
        "'A1101'",
        "a1101 + 1",
        "A1101 // 2",
        "A1101 +",
        "",
    ],
)
def test_anything_but_arithmetic_is_refused(formula):
    with pytest.raises(FormulaError):
        formula_statistics(formula)


def test_statistics_are_listed_in_order():
    assert formula_statistics("(I6100 + I6200) / A1101 * 100000") == ["I6100", "I6200", "A1101"]
    assert formula_statistics("-F1107 / (F1102 + F1107) * 100") == ["F1107", "F1102"]


def test_division_by_zero_gives_no_value_rather_than_infinity():
    frame = pl.DataFrame({"AB": [1.0, 2.0, 0.0], "CD": [2.0, 0.0, 0.0]})
    assert frame.select(formula_expression("AB / CD * 100"))[:, 0].to_list() == [50.0, None, None]


@given(st.floats(1, 1e7), st.floats(1, 1e7), st.floats(1, 1e7))
def test_evaluation_matches_python_arithmetic(a, b, c):
    frame = pl.DataFrame({"AB": [a], "CD": [b], "EF": [c]})
    result = frame.select(formula_expression("(AB - CD) / EF * 100 + -AB"))[0, 0]
    assert result == pytest.approx((a - b) / c * 100 + -a)


def test_inputs_take_their_most_recent_year_and_say_which():
    observations = pl.DataFrame(
        {
            "statistic": ["A1101", "A1101", "I6100", "I6100", "I6100"],
            "area": ["17201"] * 5,
            "year": [2015, 2020, 2018, 2020, 2022],
            "value": [465_699.0, 463_254.0, 1_800.0, 1_850.0, 1_882.0],
        }
    )
    values = indicator_values("I6100 / A1101 * 100000", observations)
    assert values["year"].to_list() == [2018, 2020, 2022]
    assert values["value"].to_list() == pytest.approx(
        [1800 / 465699 * 1e5, 1850 / 463254 * 1e5, 1882 / 463254 * 1e5]
    )
    assert values["input_years"].to_list()[-1] == {"I6100": 2022, "A1101": 2020}
    # 2015 has population only: no doctors' figure yet, so no value
    assert 2015 not in values["year"].to_list()


def test_a_missing_statistic_gives_no_values():
    observations = pl.DataFrame(
        {"statistic": ["A1101"], "area": ["17201"], "year": [2020], "value": [1.0]}
    )
    assert indicator_values("Z9999 / A1101", observations).height == 0
