import pytest
from hypothesis import given
from hypothesis import strategies as st

from tsunagu.core.area_codes import AreaCodeError, check_digit, normalize_area_code


def test_kanazawa_in_every_accepted_form():
    assert check_digit("17201") == 4  # 172014 is Kanazawa's published code
    for raw in ["17201", "172014", "R17201", " r17201 "]:
        assert normalize_area_code(raw) == "17201"


@pytest.mark.parametrize("bad", ["172015", "1720", "ABCDE", "R1720", "", "17201X"])
def test_wrong_codes_are_rejected_with_a_reason(bad):
    with pytest.raises(AreaCodeError):
        normalize_area_code(bad)


@given(st.from_regex(r"\A\d{5}\Z"))
def test_six_digit_form_round_trips(code5):
    assert normalize_area_code(code5 + str(check_digit(code5))) == code5
    assert normalize_area_code("R" + code5) == code5
    wrong = (check_digit(code5) + 1) % 10
    with pytest.raises(AreaCodeError, match="check digit"):
        normalize_area_code(code5 + str(wrong))
