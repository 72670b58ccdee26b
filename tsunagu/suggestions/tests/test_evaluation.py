import pytest

from tsunagu.suggestions.engine.devset import split_of
from tsunagu.suggestions.engine.evaluation import goals_parse, report_compute, report_format


def test_per_goal_and_summary_metrics():
    gold = [{1, 2}, {3}, set(), {2}]
    predicted = [[2, 1], [4], [], [2, 3]]
    report = report_compute(gold, predicted)
    by_goal = {m.goal: m for m in report.per_goal}
    assert (by_goal[2].precision, by_goal[2].recall) == (1.0, 1.0)
    assert (by_goal[3].precision, by_goal[3].recall) == (0.0, 0.0)
    assert by_goal[3].accuracy == 0.5  # one false positive, one false negative over 4 texts
    assert by_goal[4].accuracy == 0.75
    assert report.micro_precision == pytest.approx(3 / 5)
    assert report.micro_recall == pytest.approx(3 / 4)
    assert report.exact_match == 0.5
    assert report.top1_in_gold == pytest.approx(2 / 3)
    assert report.top1_coverage == 0.75
    assert report.mean_goal_accuracy == pytest.approx((15 + 0.5 + 0.75) / 17)
    table = report_format(report, title="toy")
    assert table.splitlines()[0] == "toy"
    assert "mean per-goal accuracy" in table


def test_split_is_by_parity_of_the_number():
    assert split_of("ja-001") == "tune"
    assert split_of("en-0042") == "test"
    assert split_of("17") == "tune"
    with pytest.raises(ValueError, match="without a number"):
        split_of("abc")


def test_goals_parse():
    assert goals_parse("3 11  17") == {3, 11, 17}
    assert goals_parse("") == set()
