"""Multi-label evaluation of goal predictions against gold labels (pure Python)."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

GOALS = tuple(range(1, 18))


@dataclass(frozen=True)
class GoalMetrics:
    goal: int
    support: int  # texts labelled with the goal
    predicted: int  # texts the goal was predicted for
    true_positives: int
    precision: float
    recall: float
    f1: float
    accuracy: float  # binary accuracy over all texts for this goal


@dataclass(frozen=True)
class Report:
    texts: int
    per_goal: list[GoalMetrics]
    mean_goal_accuracy: float
    micro_precision: float
    micro_recall: float
    micro_f1: float
    macro_f1: float  # over goals that occur in the gold labels or the predictions
    exact_match: float
    top1_in_gold: float  # among texts with a prediction: is the most confident goal in gold?
    top1_coverage: float  # share of texts with at least one prediction
    # Mean per-goal accuracy of suggesting nothing at all: with 1-3 goals per text out of 17,
    # this is already high, which is why micro F1 is the more telling figure.
    empty_baseline_accuracy: float


def _ratio(a: float, b: float) -> float:
    return a / b if b else 0.0


def _f1(precision: float, recall: float) -> float:
    return _ratio(2 * precision * recall, precision + recall)


def report_compute(gold: Sequence[set[int]], predicted: Sequence[Sequence[int]]) -> Report:
    """gold[i] is text i's label set; predicted[i] its predicted goals, most confident first."""
    if len(gold) != len(predicted):
        raise ValueError("gold and predicted differ in length")
    n = len(gold)
    per_goal = []
    for goal in GOALS:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if goal in g and goal in p)
        support = sum(1 for g in gold if goal in g)
        n_pred = sum(1 for p in predicted if goal in p)
        fp, fn = n_pred - tp, support - tp
        precision, recall = _ratio(tp, n_pred), _ratio(tp, support)
        per_goal.append(
            GoalMetrics(
                goal=goal,
                support=support,
                predicted=n_pred,
                true_positives=tp,
                precision=precision,
                recall=recall,
                f1=_f1(precision, recall),
                accuracy=_ratio(n - fp - fn, n),
            )
        )
    tp = sum(m.true_positives for m in per_goal)
    micro_p = _ratio(tp, sum(m.predicted for m in per_goal))
    micro_r = _ratio(tp, sum(m.support for m in per_goal))
    present = [m for m in per_goal if m.support or m.predicted]
    with_prediction = [(g, p) for g, p in zip(gold, predicted, strict=True) if p]
    return Report(
        texts=n,
        per_goal=per_goal,
        mean_goal_accuracy=_ratio(sum(m.accuracy for m in per_goal), len(per_goal)),
        micro_precision=micro_p,
        micro_recall=micro_r,
        micro_f1=_f1(micro_p, micro_r),
        macro_f1=_ratio(sum(m.f1 for m in present), len(present)),
        exact_match=_ratio(sum(1 for g, p in zip(gold, predicted, strict=True) if g == set(p)), n),
        top1_in_gold=_ratio(sum(1 for g, p in with_prediction if p[0] in g), len(with_prediction)),
        top1_coverage=_ratio(len(with_prediction), n),
        empty_baseline_accuracy=_ratio(sum(n - m.support for m in per_goal), n * len(per_goal)),
    )


def report_format(report: Report, *, title: str = "") -> str:
    """A plain-text table: per-goal precision/recall/F1/accuracy, then the summary."""
    lines = [title] if title else []
    header = ("goal", "gold", "pred", "prec", "recall", "F1", "acc")
    lines.append(" ".join(f"{h:>{w}}" for h, w in zip(header, (4, 5, 5, 6, 6, 6, 6), strict=True)))
    for m in report.per_goal:
        lines.append(
            f"{m.goal:>4} {m.support:>5} {m.predicted:>5} {m.precision:>6.3f} {m.recall:>6.3f}"
            f" {m.f1:>6.3f} {m.accuracy:>6.3f}"
        )
    lines += [
        f"texts {report.texts}: mean per-goal accuracy {report.mean_goal_accuracy:.4f}, "
        f"micro P/R/F1 {report.micro_precision:.3f}/{report.micro_recall:.3f}/"
        f"{report.micro_f1:.3f}, macro F1 {report.macro_f1:.3f}, "
        f"exact match {report.exact_match:.3f}, top-1 in gold {report.top1_in_gold:.3f} "
        f"(texts with a suggestion {report.top1_coverage:.3f}); "
        f"suggesting nothing would score {report.empty_baseline_accuracy:.4f} accuracy",
    ]
    return "\n".join(lines)


def goals_parse(value: str) -> set[int]:
    """'3 11 17' -> {3, 11, 17}; empty -> set()."""
    return {int(part) for part in value.replace(",", " ").split()}


def as_lists(predictions: Iterable[Iterable[int]]) -> list[list[int]]:
    return [list(p) for p in predictions]
