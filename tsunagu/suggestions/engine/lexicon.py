"""Loading and compiling the bilingual lexicons shipped in engine/data/ (pure Python).

Each lexicon compiles once per process into an index that matches in one left-to-right pass:
English into a dict from stem sequences (n-grams) to goal weights, Japanese into a character
trie. Both take the longest term at each position, then jump past it, so a `stop` phrase or a
longer, more specific term hides the shorter ones inside it.
"""

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml

from tsunagu.suggestions.engine.text import has_cjk, normalise, term_key

DATA_DIR = Path(__file__).resolve().parent / "data"
GOALS = range(1, 18)

# Term -> ((goal, weight), ...); an empty tuple marks a stop phrase.
Weights = tuple[tuple[int, float], ...]


@dataclass(frozen=True)
class Lexicon:
    """Raw terms per language: term -> goal -> weight (the highest, if listed twice)."""

    terms: dict[str, dict[int, float]]
    stops: frozenset[str]


def lexicon_load(path: Path) -> Lexicon:
    with path.open(encoding="utf-8") as handle:
        raw = yaml.safe_load(handle)
    terms: dict[str, dict[int, float]] = {}
    for goal, buckets in raw["goals"].items():
        if int(goal) not in GOALS:
            raise ValueError(f"{path.name}: unknown goal {goal}")
        for weight, words in buckets.items():
            for word in words:
                key = normalise(str(word)).strip()
                goals = terms.setdefault(key, {})
                goals[int(goal)] = max(goals.get(int(goal), 0.0), float(weight))
    stops = frozenset(normalise(s).strip() for s in raw.get("stop", ()))
    return Lexicon(terms=terms, stops=stops)


def _weights(goals: dict[int, float]) -> Weights:
    return tuple(sorted(goals.items()))


@dataclass
class EnglishIndex:
    """Stem n-gram -> weights; `longest` bounds the n-grams tried at each position."""

    grams: dict[tuple[str, ...], Weights] = field(default_factory=dict)
    longest: int = 1


@dataclass
class JapaneseTrie:
    """Character trie; a node's "" key holds the weights of the term ending there."""

    root: dict = field(default_factory=dict)


def english_index_build(lexicon: Lexicon) -> EnglishIndex:
    index = EnglishIndex()
    for term, goals in lexicon.terms.items():
        key = term_key(term)
        if key:
            merged = dict(index.grams.get(key, ()))
            for goal, weight in goals.items():
                merged[goal] = max(merged.get(goal, 0.0), weight)
            index.grams[key] = _weights(merged)
    # Stops win over terms with the same key: they exist to silence them.
    for stop in lexicon.stops:
        key = term_key(stop)
        if key:
            index.grams[key] = ()
    index.longest = max(len(k) for k in index.grams)
    return index


def japanese_term_problem(term: str) -> str | None:
    """Why a term cannot be matched as a Japanese substring, or None when it can."""
    if not has_cjk(term):
        return "has no kana or kanji: Latin words belong in en.yaml (matched on word boundaries)"
    if len(term) < 2:
        return "is one character: it would match inside unrelated words"
    return None


def japanese_trie_build(lexicon: Lexicon) -> JapaneseTrie:
    for term in lexicon.terms:
        problem = japanese_term_problem(term)
        if problem:
            raise ValueError(f"Japanese term {term!r} {problem}")
    trie = JapaneseTrie()
    entries = [(t, _weights(g)) for t, g in lexicon.terms.items()]
    entries += [(s, ()) for s in lexicon.stops]
    for term, weights in entries:
        node = trie.root
        for char in term:
            node = node.setdefault(char, {})
        node[""] = weights
    return trie


@cache
def english_index() -> EnglishIndex:
    return english_index_build(lexicon_load(DATA_DIR / "en.yaml"))


@cache
def japanese_trie() -> JapaneseTrie:
    return japanese_trie_build(lexicon_load(DATA_DIR / "ja.yaml"))
