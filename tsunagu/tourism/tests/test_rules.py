from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from tsunagu.tourism.rules import ItemResult, Rules, application_decide, indicator_decide

KANAZAWA = Rules(min_indicators=2, required_indicators=("1", "2"), item_share_needed=Fraction(1, 2))


def item(code, scores, mandatory=False, applicable=True):
    return ItemResult(code, mandatory, applicable, tuple(scores))


def test_item_needs_a_majority_of_met_scores():
    assert item("a", ["met", "met", "partly"]).met
    assert not item("a", ["met", "partly"]).met
    assert not item("a", []).met


def test_indicator_met_at_half_of_items():
    items = [item("a", ["met"]), item("b", ["not_met"])]
    assert indicator_decide("1", items, Fraction(1, 2)).met
    assert not indicator_decide("1", [*items, item("c", ["partly"])], Fraction(1, 2)).met


def test_not_applicable_items_do_not_count_but_mandatory_ones_do():
    items = [item("a", ["met"]), item("b", [], applicable=False), item("c", [], applicable=False)]
    assert indicator_decide("1", items, Fraction(1)).met
    failed = indicator_decide(
        "1", [item("a", ["met"]), item("m", ["partly"], mandatory=True)], Fraction(1, 2)
    )
    assert not failed.met
    assert failed.mandatory_failed == ("m",)


def test_required_indicators_must_be_met():
    met = [item("a", ["met"])]
    unmet = [item("a", ["not_met"])]
    assert application_decide(KANAZAWA, {"1": met, "2": met}).approved
    decision = application_decide(KANAZAWA, {"1": met, "2": unmet, "3": met})
    assert not decision.approved
    assert decision.missing_required == ("2",)
    assert decision.certified_codes == ("1", "3")


def test_minimum_number_of_indicators():
    rules = Rules(3, ("1",), Fraction(1, 2))
    met = [item("a", ["met"])]
    assert not application_decide(rules, {"1": met, "2": met}).approved


@given(st.lists(st.sampled_from(["met", "partly", "not_met"]), min_size=1, max_size=8))
def test_indicator_is_met_exactly_when_share_reached(scores):
    items = [item(str(n), [s]) for n, s in enumerate(scores)]
    result = indicator_decide("1", items, Fraction(1, 2))
    assert result.met == (scores.count("met") * 2 >= len(scores))


@given(st.dictionaries(st.sampled_from("12345678"), st.booleans(), min_size=0, max_size=8))
def test_approval_never_without_required_indicators(chosen):
    indicators = {code: [item("a", ["met" if ok else "not_met"])] for code, ok in chosen.items()}
    decision = application_decide(KANAZAWA, indicators)
    if decision.approved:
        assert chosen.get("1")
        assert chosen.get("2")
        assert sum(chosen.values()) >= 2
