"""The decision rules of a scheme version, as a pure function (no Django).

An item counts as met when more than half of the assessors scored it "met". An indicator is
met when none of its mandatory items fails and the share of met items, among the items that
apply, reaches the version's threshold. The application is approved when it addresses the
required indicators, they are met, and at least the minimum number of indicators is met.
"""

from dataclasses import dataclass
from fractions import Fraction

MET, PARTLY, NOT_MET, NOT_APPLICABLE = "met", "partly", "not_met", "na"


@dataclass(frozen=True)
class Rules:
    min_indicators: int
    required_indicators: tuple[str, ...]
    item_share_needed: Fraction


@dataclass(frozen=True)
class ItemResult:
    code: str
    mandatory: bool
    applicable: bool
    scores: tuple[str, ...]

    @property
    def met(self) -> bool:
        return bool(self.scores) and sum(s == MET for s in self.scores) * 2 > len(self.scores)


@dataclass(frozen=True)
class IndicatorDecision:
    code: str
    met: bool
    items_met: int
    items_counted: int
    mandatory_failed: tuple[str, ...]


@dataclass(frozen=True)
class Decision:
    approved: bool
    indicators: tuple[IndicatorDecision, ...]
    missing_required: tuple[str, ...]
    indicators_met: int

    @property
    def certified_codes(self) -> tuple[str, ...]:
        return tuple(d.code for d in self.indicators if d.met)


def indicator_decide(code: str, items: list[ItemResult], share: Fraction) -> IndicatorDecision:
    counted = [i for i in items if i.applicable or i.mandatory]
    met = sum(1 for i in counted if i.met)
    mandatory_failed = tuple(i.code for i in items if i.mandatory and not i.met)
    is_met = bool(counted) and not mandatory_failed and Fraction(met, len(counted)) >= share
    return IndicatorDecision(code, is_met, met, len(counted), mandatory_failed)


def application_decide(rules: Rules, chosen: dict[str, list[ItemResult]]) -> Decision:
    """`chosen`: the indicators the operator addressed, code -> the results of its items."""
    decisions = tuple(
        indicator_decide(code, items, rules.item_share_needed) for code, items in chosen.items()
    )
    met_codes = {d.code for d in decisions if d.met}
    missing = tuple(code for code in rules.required_indicators if code not in met_codes)
    approved = not missing and len(met_codes) >= rules.min_indicators
    return Decision(approved, decisions, missing, len(met_codes))
