"""Loading a versioned indicator set (YAML) into indicators and composites."""

import math
from collections.abc import Iterator
from pathlib import Path

import yaml
from django.db import transaction

from tsunagu.core.models import Goal, Target
from tsunagu.core.services import sdg_relations_set
from tsunagu.indicators.formula import formula_statistics
from tsunagu.indicators.models import CompositeIndicator, Direction, Indicator

DEFAULT_SET = Path(__file__).resolve().parent.parent / "indicator_sets" / "ssdse_default.yaml"


# Field lengths of Indicator and CompositeIndicator; the largest PositiveSmallIntegerField.
MAX_CODE, MAX_VERSION, MAX_NAME, MAX_UNIT, MAX_FORMULA, MAX_SOURCE = 20, 40, 200, 60, 500, 300
MAX_YEAR = 32767


class IndicatorSetError(ValueError):
    pass


def _text(entry: dict, key: str, language: str) -> str:
    value = entry.get(key) or {}
    return (value.get(language) or "").strip() if isinstance(value, dict) else str(value)


def _read(path: Path) -> dict:
    try:
        document = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise IndicatorSetError(f"not readable as UTF-8 YAML: {error}") from None
    if not isinstance(document, dict):
        raise IndicatorSetError("not an indicator set: the file is not a mapping of keys")
    if any("\x00" in text for text in _strings(document)):  # no database text may hold one
        raise IndicatorSetError("a text contains a NUL character")
    return document


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(key)
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _is_year(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_YEAR


def _text_problems(entry: dict, key: str, max_length: int | None = None) -> list[str]:
    """A text is a string or {ja: string, en: string}; `max_length` is its field's."""
    value = entry.get(key)
    texts = list(value.values()) if isinstance(value, dict) else [value]
    if not all(text is None or isinstance(text, str) for text in texts):
        return [f"{key} must be a text or a mapping of languages to texts"]
    if max_length and any(len(str(text or "")) > max_length for text in texts):
        return [f"{key} is longer than {max_length} characters"]
    return []


def _code_problems(entry: dict, goals: set[int]) -> list[str]:
    code, goal = entry.get("code"), entry.get("goal")
    problems = []
    if not isinstance(code, str) or not 0 < len(code) <= MAX_CODE:
        problems.append(f"code must be a text of 1 to {MAX_CODE} characters")
    if not isinstance(goal, int) or isinstance(goal, bool) or goal not in goals:
        problems.append("goal must be the number of an SDG (1 to 17)")
    return problems


def _indicator_problems(entry: dict, goals: set[int]) -> list[str]:
    problems = _code_problems(entry, goals)
    formula = entry.get("formula")
    try:
        if not isinstance(formula, str) or len(formula) > MAX_FORMULA:
            raise ValueError(f"formula must be a text of at most {MAX_FORMULA} characters")
        formula_statistics(formula)
    except ValueError as error:
        problems.append(str(error))
    if entry.get("direction") not in Direction.values:
        problems.append("direction must be 'higher' or 'lower'")
    bounds = entry.get("bounds")
    thresholds = entry.get("thresholds")
    if not isinstance(bounds, dict) or not isinstance(thresholds, dict):
        problems.append("needs bounds.upper and green and red thresholds")
        return problems
    green, red = thresholds.get("green"), thresholds.get("red")
    if not all(_is_number(v) for v in (green, red, bounds.get("upper"))):
        problems.append("needs bounds.upper and green and red thresholds")
    elif (green <= red) == (entry.get("direction") == "higher"):
        problems.append("green threshold must be better than red")
    if not all(v is None or _is_number(v) for v in (bounds.get("lower"), thresholds.get("yellow"))):
        problems.append("bounds.lower and the yellow threshold must be numbers when given")
    local = entry.get("kanazawa_target") or {}
    years = ("base_year", "target_year")
    if not isinstance(local, dict) or not (
        (local.get("value") is None or _is_number(local.get("value")))
        and all(local.get(year) is None or _is_year(local.get(year)) for year in years)
    ):
        problems.append("kanazawa_target needs a number as value and years as base and target year")
    targets = entry.get("targets", [])
    if not isinstance(targets, list) or not all(isinstance(t, str) for t in targets):
        problems.append("targets must be a list of target codes")
    for key, max_length in (("name", MAX_NAME), ("unit", MAX_UNIT)):
        problems += _text_problems(entry, key, max_length)
    for key in ("description", "rationale"):
        problems += _text_problems(entry, key)
    return problems


def _composite_problems(entry: dict, goals: set[int], codes: set[str]) -> list[str]:
    problems = _code_problems(entry, goals)
    components = entry.get("components")
    if not isinstance(components, list) or not all(isinstance(c, str) for c in components):
        problems.append("components must be a list of indicator codes")
    elif set(components) - codes:
        problems.append(f"unknown components {sorted(set(components) - codes)}")
    problems += _text_problems(entry, "name", MAX_NAME) + _text_problems(entry, "rationale")
    return problems


def _check(document: dict) -> None:
    """Every problem of the set at once; the set loads only when there is none."""
    problems = []
    version = document.get("version")
    if not isinstance(version, str | int | float) or not 0 < len(str(version)) <= MAX_VERSION:
        problems.append(f"version must be a text of 1 to {MAX_VERSION} characters")
    problems += _text_problems(document, "source", MAX_SOURCE)
    indicators, composites = document.get("indicators"), document.get("composites", [])
    if not isinstance(indicators, list) or not isinstance(composites, list):
        raise IndicatorSetError("; ".join([*problems, "indicators and composites must be lists"]))
    goals = set(Goal.objects.values_list("number", flat=True))
    codes = set()
    for position, entry in enumerate(indicators, start=1):
        if not isinstance(entry, dict):
            problems.append(f"indicator #{position} is not a mapping of keys")
            continue
        code = entry.get("code", f"#{position}")
        if isinstance(code, str) and code in codes:
            problems.append(f"{code}: code used twice")
        if isinstance(code, str):
            codes.add(code)
        problems += [f"{code}: {problem}" for problem in _indicator_problems(entry, goals)]
    for position, entry in enumerate(composites, start=1):
        if not isinstance(entry, dict):
            problems.append(f"composite #{position} is not a mapping of keys")
            continue
        code = entry.get("code", f"#{position}")
        problems += [f"{code}: {problem}" for problem in _composite_problems(entry, goals, codes)]
    if problems:
        raise IndicatorSetError("; ".join(problems))


@transaction.atomic
def indicator_set_load(path: Path = DEFAULT_SET) -> int:
    """Create or update the indicators of a set; returns how many indicators it has."""
    document = _read(path)
    _check(document)
    version = str(document["version"])
    source_ja = _text(document, "source", "ja")
    source_en = _text(document, "source", "en")
    targets = {t.code: t for t in Target.objects.all()}
    for order, entry in enumerate(document["indicators"]):
        local = entry.get("kanazawa_target") or {}
        thresholds = entry["thresholds"]
        indicator, _ = Indicator.objects.update_or_create(
            code=entry["code"],
            defaults={
                "indicator_set": version,
                "order": order,
                "goal_id": int(entry["goal"]),
                "name_ja": _text(entry, "name", "ja"),
                "name_en": _text(entry, "name", "en"),
                "description_ja": _text(entry, "description", "ja"),
                "description_en": _text(entry, "description", "en"),
                "rationale_ja": _text(entry, "rationale", "ja"),
                "rationale_en": _text(entry, "rationale", "en"),
                "unit_ja": _text(entry, "unit", "ja"),
                "unit_en": _text(entry, "unit", "en"),
                "formula": entry["formula"],
                "direction": entry["direction"],
                "lower_bound": entry["bounds"].get("lower"),
                "upper_bound": entry["bounds"]["upper"],
                "green_threshold": thresholds["green"],
                "yellow_threshold": thresholds.get("yellow"),
                "red_threshold": thresholds["red"],
                "target_value": local.get("value"),
                "target_base_year": local.get("base_year"),
                "target_year": local.get("target_year"),
                "target_is_demo": bool(local.get("demo", False)),
                "source_ja": source_ja,
                "source_en": source_en,
            },
        )
        sdg_relations_set(
            indicator,
            targets=[targets[code] for code in entry.get("targets", []) if code in targets],
            goals=[indicator.goal],
        )
    for entry in document.get("composites", []):
        composite, _ = CompositeIndicator.objects.update_or_create(
            code=entry["code"],
            defaults={
                "goal_id": int(entry["goal"]),
                "name_ja": _text(entry, "name", "ja"),
                "name_en": _text(entry, "name", "en"),
                "rationale_ja": _text(entry, "rationale", "ja"),
                "rationale_en": _text(entry, "rationale", "en"),
            },
        )
        composite.components.set(Indicator.objects.filter(code__in=entry["components"]))
    return len(document["indicators"])
