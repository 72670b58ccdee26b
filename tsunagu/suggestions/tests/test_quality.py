"""Quality on the labelled dev set: per-goal precision/recall on the held-out (even-id) split.

Run with `pytest -s` to see the tables. The floors are the figures measured when the lexicon
was last tuned (README), less a small margin, so that a regression fails here; raise them
when the lexicon improves. Tuning looks at the odd-id split only.
"""

import pytest

from tsunagu.suggestions.engine import classify
from tsunagu.suggestions.engine.devset import DEVSET_DIR, devset_available, devset_load
from tsunagu.suggestions.engine.evaluation import report_compute, report_format

pytestmark = pytest.mark.skipif(
    not devset_available(),
    reason=f"dev set not found in {DEVSET_DIR} (ja.csv and en.csv): quality not measured",
)

# Measured on the held-out split: mean per-goal accuracy, micro F1 (README, "Accuracy").
MEASURED = {"ja": (0.9422, 0.704), "en": (0.9391, 0.693)}
ACCURACY_MARGIN = 0.01
MICRO_F1_MARGIN = 0.03


@pytest.mark.parametrize("language", ["ja", "en"])
def test_held_out_quality(language):
    examples = devset_load(language, split="test")
    assert len(examples) >= 100
    predicted = [[s.goal for s in classify(e.text)] for e in examples]
    report = report_compute([e.gold for e in examples], predicted)
    print()
    print(report_format(report, title=f"== {language} held-out split ({len(examples)} texts)"))
    accuracy, micro_f1 = MEASURED[language]
    assert report.mean_goal_accuracy >= accuracy - ACCURACY_MARGIN
    assert report.micro_f1 >= micro_f1 - MICRO_F1_MARGIN
    # Better than suggesting nothing, which already scores high on per-goal accuracy.
    assert report.mean_goal_accuracy > report.empty_baseline_accuracy + 0.03
