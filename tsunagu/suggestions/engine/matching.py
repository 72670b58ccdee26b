"""Finding lexicon terms in a text: one left-to-right, longest-match-first pass per language."""

from dataclasses import dataclass

from tsunagu.suggestions.engine.lexicon import EnglishIndex, JapaneseTrie, Weights
from tsunagu.suggestions.engine.text import tokens


@dataclass(frozen=True)
class Match:
    surface: str  # the matched words as they appear in the (normalised) text
    weights: Weights  # empty for a stop phrase


def english_matches(normalised: str, index: EnglishIndex) -> list[Match]:
    words = tokens(normalised)
    stems = [w[0] for w in words]
    found: list[Match] = []
    i = 0
    while i < len(words):
        for n in range(min(index.longest, len(words) - i), 0, -1):
            weights = index.grams.get(tuple(stems[i : i + n]))
            if weights is not None:
                surface = normalised[words[i][1] : words[i + n - 1][2]]
                found.append(Match(surface=surface, weights=weights))
                i += n
                break
        else:
            i += 1
    return found


def japanese_matches(normalised: str, trie: JapaneseTrie) -> list[Match]:
    found: list[Match] = []
    root = trie.root
    i, length = 0, len(normalised)
    while i < length:
        node, end, weights = root, 0, None
        j = i
        while j < length:
            node = node.get(normalised[j])
            if node is None:
                break
            j += 1
            if "" in node:
                end, weights = j, node[""]
        if weights is None:
            i += 1
        else:
            found.append(Match(surface=normalised[i:end], weights=weights))
            i = end
    return found
