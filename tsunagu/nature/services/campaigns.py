"""Writes for survey campaigns: participants (children only with a guardian's consent) and
visits with their counts, all or nothing.

Validation errors are raised as ValidationError dicts keyed by the names the visit form uses
(``site``, ``date``, ``end_time``, ``count_<taxon pk>``, ``sub_counts_<taxon pk>``), so the
page shows each message next to its field and the API returns them as they are.
"""

import datetime
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tsunagu.nature.models import (
    ArtificialLight,
    Campaign,
    CampaignParticipant,
    MoonPhase,
    Site,
    Taxon,
    Visit,
    VisitCount,
    Weather,
)


def _mean_rounded(values: Sequence[int]) -> int:
    return round(sum(values) / len(values))


# How a visit's count follows from its sub-counts. "max" is the default: in the firefly
# protocol (three 10-second counts of the fireflies flashing at once) the same insects are
# seen in every window, so adding the windows would count them several times; the highest
# window is the best estimate of how many are there.
COUNT_RULES: dict[str, Callable[[Sequence[int]], int]] = {
    "max": max,
    "sum": sum,
    "mean": _mean_rounded,
}
DEFAULT_COUNT_RULE = "max"
SUB_COUNTS_MAX = 20
PROTOCOL_VARIANT_MAX = 200  # Visit.protocol_variant's max_length


def count_key(taxon_id: int) -> str:
    return f"count_{taxon_id}"


def sub_counts_key(taxon_id: int) -> str:
    return f"sub_counts_{taxon_id}"


# Participants


@transaction.atomic
def campaign_participant_add(
    *,
    campaign: Campaign,
    user=None,
    name: str = "",
    is_child: bool = False,
    guardian_name: str = "",
    guardian_consent: bool = False,
) -> CampaignParticipant:
    """Adds a participant. An adult joins as themself (name defaults to the account's name);
    a child is registered by a logged-in guardian, who gives their name and ticks consent.
    The guardian's account is linked to the child's record (children have no account)."""
    name = name.strip() or (user.public_name if user is not None and not is_child else "")
    guardian_name = guardian_name.strip()
    errors: dict[str, list[str]] = {}
    if not name:
        errors["name"] = [_("Give the participant's name.")]
    if is_child:
        if user is None:
            errors["name"] = [_("A child is registered by a guardian with an account.")]
        if not guardian_name:
            errors["guardian_name"] = [_("Give the guardian's name.")]
        if not guardian_consent:
            errors["guardian_consent"] = [_("A guardian must consent before a child takes part.")]
    duplicates = CampaignParticipant.objects.filter(campaign=campaign, user=user, is_child=is_child)
    if user is not None and not is_child and duplicates.exists():
        errors["name"] = [_("You already take part in this campaign.")]
    if user is not None and is_child and name and duplicates.filter(name=name).exists():
        errors["name"] = [_("This child is already registered for this campaign.")]
    if errors:
        raise ValidationError(errors)
    return CampaignParticipant.objects.create(
        campaign=campaign,
        user=user,
        name=name,
        is_child=is_child,
        guardian_name=guardian_name if is_child else "",
        guardian_consent_at=timezone.now() if is_child else None,
    )


@transaction.atomic
def campaign_participant_remove(*, participant: CampaignParticipant) -> None:
    """Leaving a campaign deletes the record (and with it a child's name); visits stay."""
    participant.delete()


# Visits


@dataclass(frozen=True)
class CountInput:
    """One taxon's count on a visit: count, sub-counts, or both (then they must agree)."""

    count: int | None = None
    sub_counts: Sequence[int] = field(default_factory=tuple)


def _count_value(
    taxon: Taxon, entry: CountInput, rule: str, errors: dict[str, list[str]]
) -> int | None:
    subs = list(entry.sub_counts)
    if any(not isinstance(v, int) or isinstance(v, bool) or v < 0 for v in subs):
        errors[sub_counts_key(taxon.pk)] = [_("Sub-counts are whole numbers, 0 or more.")]
        return None
    if len(subs) > SUB_COUNTS_MAX:
        errors[sub_counts_key(taxon.pk)] = [_("At most %(n)d sub-counts.") % {"n": SUB_COUNTS_MAX}]
        return None
    if entry.count is not None and (
        not isinstance(entry.count, int) or isinstance(entry.count, bool) or entry.count < 0
    ):
        errors[count_key(taxon.pk)] = [_("A count is a whole number, 0 or more.")]
        return None
    if not subs:
        return entry.count
    derived = COUNT_RULES[rule](subs)
    if entry.count is not None and entry.count != derived:
        errors[count_key(taxon.pk)] = [
            _(
                "The count must follow from the sub-counts (%(rule)s: %(value)d); "
                "leave it empty to fill it in."
            )
            % {"rule": rule, "value": derived}
        ]
        return None
    return derived


def _choice_check(value: str, choices, key: str, errors: dict[str, list[str]]) -> None:
    if value and value not in choices.values:
        errors[key] = [_("Choose one of the options.")]


def _visit_validate(
    *,
    campaign: Campaign,
    values: Mapping,
    counts: Mapping[Taxon, CountInput],
    count_rule: str,
) -> dict[Taxon, tuple[int, list[int]]]:
    """Every problem at once, keyed by field; returns the counts to store."""
    site, date = values["site"], values["date"]
    start_time, end_time = values["start_time"], values["end_time"]
    temperature_c = values["temperature_c"]
    errors: dict[str, list[str]] = {}
    if site.campaign_id != campaign.pk:
        errors["site"] = [_("This site belongs to another campaign.")]
    if date > timezone.localdate():
        errors["date"] = [_("The date cannot be in the future.")]
    if campaign.first_year and date.year < campaign.first_year:
        errors["date"] = [
            _("The campaign's records start in %(year)d.") % {"year": campaign.first_year}
        ]
    if start_time and end_time and end_time <= start_time:
        errors["end_time"] = [_("The end must be after the start.")]
    if values["observers_count"] < 1:
        errors["observers_count"] = [_("At least one observer.")]
    if temperature_c is not None and not (Decimal("-40") <= temperature_c <= Decimal("50")):
        errors["temperature_c"] = [_("A temperature between -40 and 50 °C.")]
    _choice_check(values["weather"], Weather, "weather", errors)
    _choice_check(values["moon"], MoonPhase, "moon", errors)
    _choice_check(values["artificial_light"], ArtificialLight, "artificial_light", errors)
    if len(values["protocol_variant"]) > PROTOCOL_VARIANT_MAX:
        errors["protocol_variant"] = [_("At most %(n)d characters.") % {"n": PROTOCOL_VARIANT_MAX}]
    if count_rule not in COUNT_RULES:
        raise ValueError(f"unknown count rule {count_rule!r}")
    targets = {t.pk: t for t in campaign.target_taxa.all()}
    stored: dict[Taxon, tuple[int, list[int]]] = {}
    for taxon, entry in counts.items():
        if taxon.pk not in targets:
            errors[count_key(taxon.pk)] = [_("This taxon is not a target of the campaign.")]
            continue
        value = _count_value(taxon, entry, count_rule, errors)
        if value is not None:
            stored[taxon] = (value, list(entry.sub_counts))
    if values["is_complete_checklist"]:
        for taxon in targets.values():
            key = count_key(taxon.pk)
            if taxon not in stored and key not in errors and sub_counts_key(taxon.pk) not in errors:
                errors[key] = [
                    _("A complete checklist has a count for every target: enter 0 if none.")
                ]
    elif not stored and not errors:
        errors["__all__"] = [_("Enter at least one count.")]
    if errors:
        raise ValidationError(errors)
    return stored


def _counts_save(visit: Visit, stored: Mapping[Taxon, tuple[int, list[int]]]) -> None:
    """Updates counts in place so that each taxon keeps its occurrence ID across edits."""
    existing = {c.taxon_id: c for c in visit.counts.all()}
    for taxon, (value, subs) in stored.items():
        count = existing.pop(taxon.pk, None)
        if count is None:
            VisitCount.objects.create(visit=visit, taxon=taxon, count=value, sub_counts=subs)
        elif (count.count, count.sub_counts) != (value, subs):
            count.count, count.sub_counts = value, subs
            count.save(update_fields=["count", "sub_counts"])
    VisitCount.objects.filter(pk__in=[c.pk for c in existing.values()]).delete()


@transaction.atomic
def visit_create(
    *,
    campaign: Campaign,
    site: Site,
    date: datetime.date,
    recorded_by=None,
    counts: Mapping[Taxon, CountInput],
    start_time: datetime.time | None = None,
    end_time: datetime.time | None = None,
    observers_count: int = 1,
    weather: str = "",
    temperature_c: Decimal | None = None,
    moon: str = "",
    artificial_light: str = "",
    protocol_variant: str = "",
    is_complete_checklist: bool = True,
    notes: str = "",
    count_rule: str = DEFAULT_COUNT_RULE,
) -> Visit:
    """Records a visit and its counts; one invalid count rejects the whole visit."""
    values = {
        "site": site,
        "date": date,
        "start_time": start_time,
        "end_time": end_time,
        "observers_count": observers_count,
        "weather": weather,
        "temperature_c": temperature_c,
        "moon": moon,
        "artificial_light": artificial_light,
        "protocol_variant": protocol_variant.strip(),
        "is_complete_checklist": is_complete_checklist,
        "notes": notes.strip(),
    }
    stored = _visit_validate(
        campaign=campaign,
        counts=counts,
        values=values,
        count_rule=count_rule,
    )
    visit = Visit.objects.create(campaign=campaign, recorded_by=recorded_by, **values)
    _counts_save(visit, stored)
    return visit


@transaction.atomic
def visit_update(
    *,
    visit: Visit,
    site: Site,
    date: datetime.date,
    counts: Mapping[Taxon, CountInput],
    start_time: datetime.time | None = None,
    end_time: datetime.time | None = None,
    observers_count: int = 1,
    weather: str = "",
    temperature_c: Decimal | None = None,
    moon: str = "",
    artificial_light: str = "",
    protocol_variant: str = "",
    is_complete_checklist: bool = True,
    notes: str = "",
    count_rule: str = DEFAULT_COUNT_RULE,
) -> Visit:
    """Replaces the visit's fields and counts (a taxon left out loses its count)."""
    values = {
        "site": site,
        "date": date,
        "start_time": start_time,
        "end_time": end_time,
        "observers_count": observers_count,
        "weather": weather,
        "temperature_c": temperature_c,
        "moon": moon,
        "artificial_light": artificial_light,
        "protocol_variant": protocol_variant.strip(),
        "is_complete_checklist": is_complete_checklist,
        "notes": notes.strip(),
    }
    stored = _visit_validate(
        campaign=visit.campaign,
        counts=counts,
        values=values,
        count_rule=count_rule,
    )
    for name, value in values.items():
        setattr(visit, name, value)
    visit.save()
    _counts_save(visit, stored)
    return visit


@transaction.atomic
def visit_delete(*, visit: Visit) -> None:
    visit.delete()


def sub_counts_parse(text: str) -> list[int]:
    """'12, 15, 10' (also 、 or spaces, full-width digits) -> [12, 15, 10]; ValueError else."""
    parts = [p for p in text.replace("、", ",").replace("，", ",").replace(",", " ").split() if p]
    values = [int(p) for p in parts]
    if any(v < 0 for v in values):
        raise ValueError("negative")
    return values
