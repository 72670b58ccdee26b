"""Column widths of a report table from its contents, for the PDF and the Word file.

An automatic table layout may cut a year or a short Japanese word such as 「スコア」 over two
lines, because Japanese text may break between any two characters: here each column gets at
least its longest word, and the rest of the line is shared by how much more text it holds."""

import re
import unicodedata

# Widths in ems of the table text: a full-width character is 1, anything else about 0.55.
LINE_EMS = 56.0  # the PDF's text column (170 mm) at its tables' 8.5 pt
WORD_EMS = 6.0  # Japanese runs up to this long are kept whole (スコア, データ不足)
LATIN_EMS = 10.0  # and Latin words and numbers up to about 18 characters
CELL_EMS = 30.0  # a long text is given at most this much to ask for
PADDING_EMS = 1.5  # the cell padding (3.6 mm) and a little air


def _ems(text: str) -> float:
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.55 for c in text)


def _longest_word(text: str) -> float:
    """The widest piece the text cannot (or should not) be broken inside."""
    latin = [min(_ems(word), LATIN_EMS) for word in re.findall(r"[\x21-\x7e]+", text)]
    japanese = [min(_ems(word), WORD_EMS) for word in re.findall(r"[^\x00-\x7f\s]+", text)]
    return max(latin + japanese, default=0.0)


def column_widths(rows: list[list[str | None]], line_ems: float = LINE_EMS) -> list[float]:
    """Percentages: each column at least its longest word, the rest of the line (`line_ems`
    wide) shared in proportion to how much more its longest text asks for."""
    count = max((len(row) for row in rows), default=0)
    least, wanted = [0.0] * count, [0.0] * count
    for row in rows:
        for index, text in enumerate(row):
            if text is None:
                continue
            text = " ".join(text.split())
            least[index] = max(least[index], _longest_word(text) + PADDING_EMS)
            wanted[index] = max(wanted[index], min(_ems(text), CELL_EMS) + PADDING_EMS)
    wanted = [max(w, m) for w, m in zip(wanted, least, strict=True)]
    if sum(wanted) <= line_ems:
        widths = wanted
    elif sum(least) >= line_ems:
        widths = least
    else:
        share = (line_ems - sum(least)) / (sum(wanted) - sum(least))
        widths = [m + (w - m) * share for w, m in zip(wanted, least, strict=True)]
    total = sum(widths) or 1.0
    return [100 * width / total for width in widths]
