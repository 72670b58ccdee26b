"""Text normalisation shared by the lexicon loader and the classifier (pure Python).

English is matched on word stems so that "farms", "farming" and "farm" meet; Japanese, which
has no spaces, is matched as substrings of NFKC-normalised text (full-width Latin letters and
digits become ASCII there, so "ＣＯ２" and "CO2" are the same token for the English matcher).
"""

import re
import unicodedata
from functools import lru_cache

_WORD = re.compile(r"[a-z0-9]+(?:'s)?")
# Hiragana, katakana (incl. the long-vowel mark) and CJK ideographs.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Double consonants left by stripping -ing/-ed ("planning" -> "plann" -> "plan").
_UNDOUBLE_EXCEPT = frozenset("lsz")


def normalise(text: str) -> str:
    """NFKC, lower case, typographic apostrophes made plain."""
    return unicodedata.normalize("NFKC", text).lower().replace("\u2019", "'")


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A deliberately small English stemmer: plurals, -ing, -ed, final -e and -y.

    It only has to map a word and its inflections to the same key, and do so identically for
    lexicon terms and input text; it does not have to produce real words.
    """
    w = word.removesuffix("'s")
    if len(w) <= 3:
        return w
    if w.endswith("ies") and len(w) > 4:
        w = w[:-3] + "y"
    elif w.endswith(("sses", "ches", "shes", "xes", "zes")):
        w = w[:-2]
    elif w.endswith("s") and not w.endswith(("ss", "us", "is")):
        w = w[:-1]
    for suffix in ("ing", "ed"):
        if w.endswith(suffix) and len(w) - len(suffix) >= 4:
            w = w[: -len(suffix)]
            if w[-1] == w[-2] and w[-1] not in _UNDOUBLE_EXCEPT:
                w = w[:-1]
            break
    if len(w) > 4 and w.endswith("e"):
        w = w[:-1]
    if len(w) > 3 and w.endswith("y"):
        w = w[:-1] + "i"
    return w


def tokens(normalised: str) -> list[tuple[str, int, int]]:
    """(stem, start, end) for each Latin word of already-normalised text."""
    return [(stem(m.group()), m.start(), m.end()) for m in _WORD.finditer(normalised)]


def term_key(term: str) -> tuple[str, ...]:
    """The stem sequence a lexicon term is looked up by."""
    return tuple(s for s, _, _ in tokens(normalise(term)))
