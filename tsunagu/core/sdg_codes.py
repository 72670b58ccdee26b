"""Pure helpers for SDG target codes: parsing and the official sort order."""

import re

_TARGET_RE = re.compile(r"^(?P<goal>\d{1,2})\.(?P<part>\d{1,2}|[a-z])$")
_LOCAL_RE = re.compile(r"^(?P<target>\d{1,2}\.(?:\d{1,2}|[a-z]))\.(?P<n>\d{1,3})$")


def target_sort_key(code: str) -> tuple[int, int, int]:
    """Numbered targets come before lettered ones: 6.9 < 6.a < 6.b."""
    match = _TARGET_RE.match(code)
    if not match:
        raise ValueError(f"not an SDG target code: {code!r}")
    part = match["part"]
    if part.isdigit():
        return int(match["goal"]), 0, int(part)
    return int(match["goal"]), 1, ord(part) - ord("a")


def target_position(code: str) -> int:
    """An integer that sorts targets in the official order (for the database)."""
    goal, lettered, index = target_sort_key(code)
    return goal * 1000 + lettered * 100 + index


def split_local_target_code(code: str) -> tuple[str, int]:
    """'11.4.2' -> ('11.4', 2)."""
    match = _LOCAL_RE.match(code)
    if not match:
        raise ValueError(f"not a local target code (<target>.<n>): {code!r}")
    return match["target"], int(match["n"])
