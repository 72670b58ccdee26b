"""Loading a versioned indicator set (YAML) into indicators and composites."""

from pathlib import Path

import yaml
from django.db import transaction

from tsunagu.core.models import Target
from tsunagu.core.services import sdg_relations_set
from tsunagu.indicators.formula import formula_statistics
from tsunagu.indicators.models import CompositeIndicator, Direction, Indicator

DEFAULT_SET = Path(__file__).resolve().parent.parent / "indicator_sets" / "ssdse_default.yaml"


class IndicatorSetError(ValueError):
    pass


def _text(entry: dict, key: str, language: str) -> str:
    value = entry.get(key) or {}
    return (value.get(language) or "").strip() if isinstance(value, dict) else str(value)


def _check(document: dict) -> None:
    problems = []
    codes = set()
    for position, entry in enumerate(document.get("indicators", []), start=1):
        code = entry.get("code", f"#{position}")
        if code in codes:
            problems.append(f"{code}: code used twice")
        codes.add(code)
        try:
            formula_statistics(entry["formula"])
        except (KeyError, ValueError) as error:
            problems.append(f"{code}: {error}")
        if entry.get("direction") not in Direction.values:
            problems.append(f"{code}: direction must be 'higher' or 'lower'")
        thresholds = entry.get("thresholds", {})
        green, red = thresholds.get("green"), thresholds.get("red")
        if green is None or red is None or entry.get("bounds", {}).get("upper") is None:
            problems.append(f"{code}: needs bounds.upper and green and red thresholds")
        elif (green <= red) == (entry.get("direction") == "higher"):
            problems.append(f"{code}: green threshold must be better than red")
    for entry in document.get("composites", []):
        unknown = set(entry.get("components", [])) - codes
        if unknown:
            problems.append(f"{entry.get('code')}: unknown components {sorted(unknown)}")
    if problems:
        raise IndicatorSetError("; ".join(problems))


@transaction.atomic
def indicator_set_load(path: Path = DEFAULT_SET) -> int:
    """Create or update the indicators of a set; returns how many indicators it has."""
    document = yaml.safe_load(path.read_text(encoding="utf-8"))
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
