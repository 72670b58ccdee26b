"""Writes: indicator definitions, assessments, computed and staff-entered scores, publication.

Rules (enforced here, so the staff form, the admin and scripts share them):
- a score is 0–4 or empty (not scored yet); anything else is refused;
- a computed indicator's score follows its computation; staff may set another score only
  with a written reason (kept in `override_reason` and shown on the public page);
- an assessment is published only when all 28 indicators have a score;
- every change to an assessment is one transaction: one bad row and nothing is saved.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from tsunagu.biodiversity_index import computations
from tsunagu.biodiversity_index.definitions import INDICATORS
from tsunagu.biodiversity_index.models import (
    Assessment,
    AssessmentStatus,
    Indicator,
    IndicatorScore,
    ScoringMethod,
)
from tsunagu.biodiversity_index.scoring import MAX_POINTS, points, thresholds_from
from tsunagu.core.cache import cache_model_changed
from tsunagu.core.models import Area


@transaction.atomic
def indicator_definitions_sync() -> int:
    """Create or update the 28 indicator rows from definitions.py; idempotent."""
    for entry in INDICATORS:
        thresholds_from(entry["thresholds"])  # refuses malformed ranges before writing
        Indicator.objects.update_or_create(
            number=entry["number"],
            defaults={
                "component": entry["component"],
                "name_ja": entry["name_ja"],
                "name_en": entry["name_en"],
                "description_ja": entry.get("description_ja", ""),
                "description_en": entry.get("description_en", ""),
                "unit_ja": entry.get("unit_ja", ""),
                "unit_en": entry.get("unit_en", ""),
                "method": ScoringMethod.COMPUTED if entry.get("compute") else ScoringMethod.MANUAL,
                "compute": entry.get("compute", ""),
                "group": entry.get("group", ""),
                "thresholds": entry["thresholds"],
                "thresholds_note": entry.get("thresholds_note", ""),
            },
        )
    return len(INDICATORS)


def _baseline_year(assessment: Assessment) -> int:
    first = (
        Assessment.objects.filter(area=assessment.area)
        .order_by("year")
        .values_list("year", flat=True)
    ).first()
    return min(first or assessment.year, assessment.year)


def _figure(indicator: Indicator, assessment: Assessment) -> computations.Figure:
    year = assessment.year
    match indicator.compute:
        case "native_species_count":
            return computations.native_species_count(group=indicator.group, year=year)
        case "native_species_change":
            return computations.native_species_change(
                group=indicator.group, year=year, baseline_year=_baseline_year(assessment)
            )
        case "invasive_proportion":
            return computations.invasive_proportion(year=year)
        case "biodiversity_projects":
            return computations.projects_figure(year=year)
        case "partnerships":
            return computations.partnerships_figure(year=year)
        case "outreach_events":
            return computations.outreach_events_figure(year=year)
        case "citizen_science_participants":
            return computations.citizen_science_figure(year=year)
    raise ValueError(f"indicator {indicator.number}: unknown computation {indicator.compute!r}")


@transaction.atomic
def assessment_compute(*, assessment: Assessment) -> int:
    """Recompute every computed indicator; a score staff overrode (with a reason) is kept."""
    rows = assessment.scores.select_related("indicator").filter(
        indicator__method=ScoringMethod.COMPUTED
    )
    for row in rows:
        figure = _figure(row.indicator, assessment)
        thresholds = thresholds_from(row.indicator.thresholds)
        computed = (
            points(figure.value, thresholds)
            if thresholds is not None and figure.value is not None
            else None
        )
        row.raw_value = figure.value
        row.unit = row.indicator.unit_en
        row.data_ja, row.data_en = figure.data_ja, figure.data_en
        row.is_computed = True
        row.computed_score = computed
        if not row.override_reason and computed is not None:
            row.score = computed
        row.save()
    return len(rows)


@transaction.atomic
def assessment_create(*, area: Area, year: int, user=None, is_demo: bool = False) -> Assessment:
    if Assessment.objects.filter(area=area, year=year).exists():
        raise ValidationError(_("An assessment for %(year)s already exists.") % {"year": year})
    indicator_definitions_sync()
    assessment = Assessment.objects.create(area=area, year=year, is_demo=is_demo)
    IndicatorScore.objects.bulk_create(
        [
            IndicatorScore(assessment=assessment, indicator=indicator, unit=indicator.unit_en)
            for indicator in Indicator.objects.all()
        ]
    )
    cache_model_changed(IndicatorScore)  # bulk_create sends no signal
    assessment_compute(assessment=assessment)
    return assessment


@dataclass
class ScoreInput:
    """One indicator's row of the staff form."""

    number: int
    score: int | None
    raw_value: float | None = None
    data_ja: str = ""
    data_en: str = ""
    evidence_ja: str = ""
    evidence_en: str = ""
    source_url: str = ""
    override_reason: str = ""
    evidence_file: object | None = None


def _check(row: IndicatorScore, entry: ScoreInput) -> str | None:
    if entry.score is not None and not 0 <= entry.score <= MAX_POINTS:
        return _("the score must be a whole number from 0 to 4 (got %(score)s).") % {
            "score": entry.score
        }
    url = entry.source_url.strip()
    if url and not url.lower().startswith(("http://", "https://")):
        return _("the source URL must start with http:// or https://.")
    computed = row.is_computed and row.computed_score is not None
    if computed and entry.score != row.computed_score and not entry.override_reason.strip():
        return _(
            "this score is computed from platform data (%(computed)s); give a reason to "
            "override it."
        ) % {"computed": row.computed_score}
    return None


def assessment_scores_check(
    *, assessment: Assessment, entries: list[ScoreInput]
) -> dict[str, list[str]]:
    """The problems of each submitted row, by indicator number (empty when all are fine)."""
    rows = {r.indicator.number: r for r in assessment.scores.select_related("indicator")}
    errors: dict[str, list[str]] = {}
    for entry in entries:
        row = rows.get(entry.number)
        problem = _("no such indicator.") if row is None else _check(row, entry)
        if problem:
            errors.setdefault(str(entry.number), []).append(
                _("Indicator %(number)s: %(problem)s")
                % {"number": entry.number, "problem": problem}
            )
    return errors


@transaction.atomic
def assessment_scores_update(*, assessment: Assessment, user, entries: list[ScoreInput]) -> int:
    """Save the staff form: every row is checked first; any error saves nothing.

    Raises ValidationError with a message per indicator number ({"4": [...], ...}).
    """
    rows = {
        r.indicator.number: r
        for r in assessment.scores.select_related("indicator").select_for_update()
    }
    errors = assessment_scores_check(assessment=assessment, entries=entries)
    if errors:
        raise ValidationError(errors)
    changed = 0
    for entry in entries:
        row = rows[entry.number]
        row.score = entry.score
        if not row.is_computed:
            row.raw_value = entry.raw_value
            row.data_ja, row.data_en = entry.data_ja.strip(), entry.data_en.strip()
        row.evidence_ja, row.evidence_en = entry.evidence_ja.strip(), entry.evidence_en.strip()
        row.source_url = entry.source_url.strip()
        row.override_reason = (
            entry.override_reason.strip()
            if row.is_computed and entry.score != row.computed_score
            else ""
        )
        if entry.evidence_file is not None:
            row.evidence_file = entry.evidence_file
        row.entered_by = user
        row.save()
        changed += 1
    return changed


@transaction.atomic
def assessment_publish(*, assessment: Assessment, user=None) -> Assessment:
    """Publish (or re-publish after corrections) and feed the SDG 15 indicators."""
    from tsunagu.biodiversity_index.feed import sdg15_values_publish

    assessment = Assessment.objects.select_for_update().get(pk=assessment.pk)
    missing = list(
        assessment.scores.filter(score__isnull=True)
        .order_by("indicator__number")
        .values_list("indicator__number", flat=True)
    )
    if missing:
        raise ValidationError(
            _("Cannot publish: indicators %(numbers)s have no score yet.")
            % {"numbers": ", ".join(str(n) for n in missing)}
        )
    assessment.status = AssessmentStatus.PUBLISHED
    assessment.published_at = timezone.now()
    assessment.revision += 1
    assessment.save()
    sdg15_values_publish(assessment=assessment, user=user)
    return assessment
