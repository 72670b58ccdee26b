"""Text -> SDG suggestions: lexicon matches, summed per goal, squashed into a confidence."""

import math
from collections import defaultdict
from dataclasses import dataclass, field

from tsunagu.suggestions.engine.lexicon import english_index, japanese_trie
from tsunagu.suggestions.engine.matching import Match, english_matches, japanese_matches
from tsunagu.suggestions.engine.text import has_cjk, normalise

# A goal is suggested when its confidence reaches this. With confidence = 1 - exp(-score):
# one decisive term (1.5 -> 0.78) suffices; a clear term (1.0 -> 0.63) needs some context
# (+0.15 -> 0.68) or to recur; two likely terms (0.6 + 0.6 -> 0.70) suffice; context words
# alone (0.3, 0.15) need several. Chosen on the tune split of the dev set (README).
DEFAULT_THRESHOLD = 0.65
# A term repeated in the text counts a little more each time, up to this many repeats.
REPEAT_BONUS = 0.25
MAX_REPEATS = 3


@dataclass(frozen=True)
class GoalSuggestion:
    goal: int
    confidence: float
    triggers: list[str] = field(default_factory=list)  # strongest first


def _matches(text: str) -> list[Match]:
    normalised = normalise(text)
    # Latin words are looked up in English in any text: Japanese texts use SDGs, DX, CO2...
    found = english_matches(normalised, english_index())
    if has_cjk(normalised):
        found += japanese_matches(normalised, japanese_trie())
    return found


def goal_scores(text: str) -> dict[int, tuple[float, list[str]]]:
    """goal -> (raw score, triggers strongest first); the evidence before thresholding."""
    weights: dict[int, dict[str, float]] = defaultdict(dict)
    counts: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for match in _matches(text):
        for goal, weight in match.weights:
            key = match.surface
            weights[goal][key] = max(weights[goal].get(key, 0.0), weight)
            counts[goal][key] += 1
    scores = {}
    for goal, terms in weights.items():
        score = sum(
            w * (1 + REPEAT_BONUS * min(counts[goal][t] - 1, MAX_REPEATS)) for t, w in terms.items()
        )
        triggers = sorted(terms, key=lambda t: (-terms[t], -counts[goal][t], t))
        scores[goal] = (score, triggers)
    return scores


def confidence(score: float) -> float:
    return 1.0 - math.exp(-score)


def classify(text: str, *, threshold: float | None = None) -> list[GoalSuggestion]:
    """The goals the text addresses, most confident first, each with the words that say so."""
    limit = DEFAULT_THRESHOLD if threshold is None else threshold
    suggestions = [
        GoalSuggestion(goal=goal, confidence=round(confidence(score), 3), triggers=triggers)
        for goal, (score, triggers) in goal_scores(text).items()
        if confidence(score) >= limit
    ]
    return sorted(suggestions, key=lambda s: (-s.confidence, s.goal))
