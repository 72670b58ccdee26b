"""python -m tsunagu.suggestions.engine.bench [--threshold T] [--split tune|test|all]

Per-goal precision/recall/F1/accuracy and summary metrics for each language and split of
the labelled dev set, then the time per text (median and p95 over all texts, after warm-up).
"""

import argparse
import statistics
import sys
import time

from tsunagu.suggestions.engine import classify
from tsunagu.suggestions.engine.devset import (
    LANGUAGES,
    SPLITS,
    devset_available,
    devset_load,
)
from tsunagu.suggestions.engine.evaluation import report_compute, report_format
from tsunagu.suggestions.engine.lexicon import english_index, japanese_trie


def _predict(texts: list[str], threshold: float | None) -> list[list[int]]:
    return [[s.goal for s in classify(t, threshold=threshold)] for t in texts]


def timing_ms(texts: list[str], *, rounds: int = 5) -> tuple[float, float]:
    """Median and p95 milliseconds per text (each text timed `rounds` times after warm-up)."""
    for text in texts:
        classify(text)
    samples = []
    for _ in range(rounds):
        for text in texts:
            start = time.perf_counter()
            classify(text)
            samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(0.95 * (len(samples) - 1))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threshold", type=float, default=None)
    parser.add_argument("--split", choices=[*SPLITS, "all"], default="all")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    english_index(), japanese_trie()
    load_ms = (time.perf_counter() - start) * 1000
    if not devset_available():
        print("dev set not found: tsunagu/suggestions/devset/{ja,en}.csv", file=sys.stderr)
        return 1
    splits = SPLITS if args.split == "all" else (args.split,)
    all_texts = []
    for language in LANGUAGES:
        for split in splits:
            examples = devset_load(language, split=split)
            texts = [e.text for e in examples]
            all_texts += texts
            report = report_compute([e.gold for e in examples], _predict(texts, args.threshold))
            print(report_format(report, title=f"== {language} / {split} ({len(examples)} texts)"))
            print()
    print(f"lexicons compiled in {load_ms:.0f} ms (once per process)")
    # Dev-set texts are short paragraphs; five joined stand for a long profile or event page.
    long_texts = [" ".join(all_texts[i : i + 5]) for i in range(0, len(all_texts), 5)]
    for label, texts in (("per text", all_texts), ("per 5 texts joined", long_texts)):
        median, p95 = timing_ms(texts)
        chars = statistics.median(len(t) for t in texts)
        print(
            f"speed {label}: {median:.3f} ms median, {p95:.3f} ms p95 "
            f"({len(texts)} texts, median length {chars:.0f} characters)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
