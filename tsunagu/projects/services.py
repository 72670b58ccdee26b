"""Writes for partner projects: the project, its deliverables and resources, progress reports,
and the periodic marking of projects that stopped reporting."""

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from tsunagu.core.cache import cache_model_changed
from tsunagu.core.models import Area, Goal, LocalTarget, PublicationStatus, Target
from tsunagu.core.services import sdg_relations_set
from tsunagu.partners.models import Partner
from tsunagu.projects import light
from tsunagu.projects.models import (
    Deliverable,
    ProgressReport,
    Project,
    ProjectStatus,
    Resource,
    ResourceKind,
)
from tsunagu.suggestions.services import suggestions_refresh_for

FIGURES_MAX = 30
FIGURE_LABEL_MAX = 100
REPORTING_STATUSES = (ProjectStatus.PLANNED, ProjectStatus.ACTIVE)


class RowError(ValidationError):
    """A row of a multi-row edit that could not be saved; nothing of the edit was saved."""

    def __init__(self, index: int, error: ValidationError) -> None:
        super().__init__(error.messages)
        self.index = index


def _unique_slug(title_en: str, title_ja: str) -> str:
    base = (slugify(title_en)[:60] or slugify(title_ja)[:60]).strip("-") or "project"
    taken = set(Project.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, n = base, 1
    while slug in taken:
        n += 1
        slug = f"{base}-{n}"
    return slug


def _dates_check(starts_on: date | None, ends_on: date | None) -> None:
    if starts_on and ends_on and ends_on < starts_on:
        raise ValidationError({"ends_on": _("The end cannot be before the start.")})


def _relations_set(
    project: Project,
    *,
    co_partners: Iterable[Partner],
    indicators: Iterable,
    goals: Iterable[Goal],
    targets: Iterable[Target],
    local_targets: Iterable[LocalTarget],
) -> None:
    project.co_partners.set([p for p in co_partners if p.pk != project.lead_partner_id])
    project.indicators.set(list(indicators))
    sdg_relations_set(project, goals=goals, targets=targets, local_targets=local_targets)


@transaction.atomic
def project_create(
    *,
    lead_partner: Partner,
    title_ja: str,
    title_en: str = "",
    description_ja: str = "",
    description_en: str = "",
    co_partners: Iterable[Partner] = (),
    area: Area | None = None,
    place: str = "",
    starts_on: date | None = None,
    ends_on: date | None = None,
    status: str = ProjectStatus.PLANNED,
    publication: str = PublicationStatus.PUBLISHED,
    indicators: Iterable = (),
    goals: Iterable[Goal] = (),
    targets: Iterable[Target] = (),
    local_targets: Iterable[LocalTarget] = (),
    is_demo: bool = False,
) -> Project:
    _dates_check(starts_on, ends_on)
    project = Project.objects.create(
        slug=_unique_slug(title_en, title_ja),
        title=title_ja,
        title_ja=title_ja,
        title_en=title_en or None,
        description_ja=description_ja,
        description_en=description_en or None,
        lead_partner=lead_partner,
        area=area,
        place=place,
        starts_on=starts_on,
        ends_on=ends_on,
        status=status,
        publication=publication,
        is_demo=is_demo,
    )
    _relations_set(
        project,
        co_partners=co_partners,
        indicators=indicators,
        goals=goals,
        targets=targets,
        local_targets=local_targets,
    )
    suggestions_refresh_for(project)
    return project


@transaction.atomic
def project_update(
    *,
    project: Project,
    lead_partner: Partner,
    title_ja: str,
    title_en: str = "",
    description_ja: str = "",
    description_en: str = "",
    co_partners: Iterable[Partner] = (),
    area: Area | None = None,
    place: str = "",
    starts_on: date | None = None,
    ends_on: date | None = None,
    status: str = ProjectStatus.PLANNED,
    publication: str | None = None,
    indicators: Iterable = (),
    goals: Iterable[Goal] = (),
    targets: Iterable[Target] = (),
    local_targets: Iterable[LocalTarget] = (),
) -> Project:
    """Replace the project's fields and relations; the slug stays (links keep working).
    publication=None keeps the current publication status."""
    _dates_check(starts_on, ends_on)
    project.lead_partner = lead_partner
    project.title_ja, project.title_en = title_ja, title_en or None
    project.description_ja, project.description_en = description_ja, description_en or None
    project.area, project.place = area, place
    project.starts_on, project.ends_on = starts_on, ends_on
    project.status = status
    if publication is not None:
        project.publication = publication
    project.save()
    _relations_set(
        project,
        co_partners=co_partners,
        indicators=indicators,
        goals=goals,
        targets=targets,
        local_targets=local_targets,
    )
    suggestions_refresh_for(project)
    return project


# Deliverables


def _done_on(is_done: bool, previous: date | None, on: date | None) -> date | None:
    if not is_done:
        return None
    return previous or on or timezone.localdate()


@transaction.atomic
def deliverable_add(
    *,
    project: Project,
    title: str,
    due_on: date | None = None,
    is_done: bool = False,
    order: int | None = None,
) -> Deliverable:
    if not title.strip():
        raise ValidationError({"title": _("Give the deliverable a title.")})
    if order is None:
        order = (project.deliverables.aggregate(m=Max("order"))["m"] or 0) + 1
    return Deliverable.objects.create(
        project=project,
        title=title.strip(),
        due_on=due_on,
        is_done=is_done,
        done_on=_done_on(is_done, None, None),
        order=order,
    )


@transaction.atomic
def deliverable_update(
    *,
    deliverable: Deliverable,
    title: str,
    due_on: date | None = None,
    is_done: bool = False,
    done_on: date | None = None,
    order: int | None = None,
) -> Deliverable:
    """Ticking `is_done` records the day (today unless done_on is given); unticking clears it."""
    if not title.strip():
        raise ValidationError({"title": _("Give the deliverable a title.")})
    deliverable.title = title.strip()
    deliverable.due_on = due_on
    deliverable.done_on = _done_on(is_done, deliverable.done_on, done_on)
    deliverable.is_done = is_done
    if order is not None:
        deliverable.order = order
    deliverable.save()
    return deliverable


@transaction.atomic
def deliverable_delete(*, deliverable: Deliverable) -> None:
    deliverable.delete()


@dataclass(frozen=True)
class DeliverableRow:
    title: str
    due_on: date | None = None
    is_done: bool = False
    pk: int | None = None
    delete: bool = False


@transaction.atomic
def deliverables_save(*, project: Project, rows: Sequence[DeliverableRow]) -> None:
    """Add, change and delete deliverables in one go, in the rows' order: all rows or none.

    Raises RowError (with the row's index) for the first row that cannot be saved.
    """
    existing = {d.pk: d for d in project.deliverables.select_for_update()}
    for index, row in enumerate(rows):
        try:
            if row.pk is not None and row.pk not in existing:
                raise ValidationError(_("This deliverable belongs to another project."))
            if row.pk is not None and row.delete:
                deliverable_delete(deliverable=existing[row.pk])
            elif row.pk is not None:
                deliverable_update(
                    deliverable=existing[row.pk],
                    title=row.title,
                    due_on=row.due_on,
                    is_done=row.is_done,
                    order=index + 1,
                )
            elif not row.delete:
                deliverable_add(
                    project=project,
                    title=row.title,
                    due_on=row.due_on,
                    is_done=row.is_done,
                    order=index + 1,
                )
        except ValidationError as error:
            raise RowError(index, error) from error


# Resources


def resource_check(*, kind: str, amount_jpy: int | None, person_days: int | None) -> None:
    """A financial resource needs an amount, a staff resource needs person-days."""
    if kind not in ResourceKind.values:
        raise ValidationError({"kind": _("Choose a type of resource.")})
    if kind == ResourceKind.FINANCIAL and not amount_jpy:
        raise ValidationError({"amount_jpy": _("Give the amount in yen.")})
    if kind == ResourceKind.STAFF and not person_days:
        raise ValidationError({"person_days": _("Give the person-days.")})


@transaction.atomic
def resource_add(
    *,
    project: Project,
    kind: str,
    description: str,
    amount_jpy: int | None = None,
    person_days: int | None = None,
    provided_by: Partner | None = None,
) -> Resource:
    resource_check(kind=kind, amount_jpy=amount_jpy, person_days=person_days)
    if not description.strip():
        raise ValidationError({"description": _("Describe the resource.")})
    return Resource.objects.create(
        project=project,
        kind=kind,
        description=description.strip(),
        amount_jpy=amount_jpy,
        person_days=person_days,
        provided_by=provided_by,
    )


@transaction.atomic
def resource_remove(*, resource: Resource) -> None:
    resource.delete()


@dataclass(frozen=True)
class ResourceRow:
    kind: str
    description: str
    amount_jpy: int | None = None
    person_days: int | None = None
    provided_by: Partner | None = None
    pk: int | None = None
    delete: bool = False


@transaction.atomic
def resources_save(*, project: Project, rows: Sequence[ResourceRow]) -> None:
    """Keep, remove and add resources in one go: all rows or none (RowError on the first bad
    row). A changed existing row is replaced by a new one."""
    existing = {r.pk: r for r in project.resources.select_for_update()}
    for index, row in enumerate(rows):
        try:
            if row.pk is not None and row.pk not in existing:
                raise ValidationError(_("This resource belongs to another project."))
            if row.pk is not None:
                resource = existing[row.pk]
                unchanged = (
                    resource.kind,
                    resource.description,
                    resource.amount_jpy,
                    resource.person_days,
                    resource.provided_by_id,
                ) == (
                    row.kind,
                    row.description.strip(),
                    row.amount_jpy,
                    row.person_days,
                    row.provided_by.pk if row.provided_by else None,
                )
                if unchanged and not row.delete:
                    continue
                resource_remove(resource=resource)
            if not row.delete:
                resource_add(
                    project=project,
                    kind=row.kind,
                    description=row.description,
                    amount_jpy=row.amount_jpy,
                    person_days=row.person_days,
                    provided_by=row.provided_by,
                )
        except ValidationError as error:
            raise RowError(index, error) from error


# Progress reports


def figures_clean(figures: Mapping[str, object]) -> dict[str, int | float]:
    """{label: number}: labels non-empty and unique, numbers finite (not booleans)."""
    if not isinstance(figures, Mapping):
        raise ValidationError(_("Figures must be labels with numbers."))
    if len(figures) > FIGURES_MAX:
        raise ValidationError(_("At most %(n)d figures.") % {"n": FIGURES_MAX})
    cleaned: dict[str, int | float] = {}
    for label, value in figures.items():
        label = str(label).strip()
        if not label or len(label) > FIGURE_LABEL_MAX:
            raise ValidationError(
                _("Each figure needs a label of at most %(n)d characters.")
                % {"n": FIGURE_LABEL_MAX}
            )
        if label in cleaned:
            raise ValidationError(_("The label “%(label)s” is used twice.") % {"label": label})
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            raise ValidationError(_("“%(label)s” needs a number.") % {"label": label})
        cleaned[label] = value
    return cleaned


@transaction.atomic
def progress_report_submit(
    *,
    project: Project,
    year: int,
    summary: str,
    figures: Mapping[str, object] | None = None,
    deliverables_done: Iterable[Deliverable] = (),
    submitted_by=None,
    submitted_at: datetime | None = None,
) -> ProgressReport:
    """The annual report: one a year; ticks the listed deliverables done; a report brings an
    inactive project back to active (its light turns green again)."""
    project = Project.objects.select_for_update().get(pk=project.pk)
    submitted_at = submitted_at or timezone.now()
    if not summary.strip():
        raise ValidationError({"summary": _("Describe the progress.")})
    if not 2000 <= year <= timezone.localdate(submitted_at).year:
        raise ValidationError({"year": _("Choose a year up to this year.")})
    if project.progress_reports.filter(year=year).exists():
        raise ValidationError(
            {"year": _("A report for %(year)d was already submitted.") % {"year": year}}
        )
    figures = figures_clean(figures or {})
    done = list(deliverables_done)
    if any(d.project_id != project.pk for d in done):
        raise ValidationError({"deliverables_done": _("A deliverable belongs to another project.")})
    report = ProgressReport.objects.create(
        project=project,
        year=year,
        summary=summary.strip(),
        figures=figures,
        submitted_at=submitted_at,
        submitted_by=submitted_by,
    )
    report.deliverables_done.set(done)
    on = timezone.localdate(submitted_at)
    Deliverable.objects.filter(pk__in=[d.pk for d in done], is_done=False).update(
        is_done=True, done_on=on
    )
    cache_model_changed(Deliverable)
    if project.status == ProjectStatus.INACTIVE:
        project.status = ProjectStatus.ACTIVE
        project.save(update_fields=["status", "updated_at"])
    return report


def last_activity_expression():
    """The last report's time, or the registration's when the project never reported."""
    last_report = (
        ProgressReport.objects.filter(project=OuterRef("pk"))
        .order_by("-submitted_at")
        .values("submitted_at")[:1]
    )
    return Coalesce(Subquery(last_report), "created_at")


def project_mark_stale_inactive(*, today: date) -> int:
    """Mark planned and active projects silent for over 24 months inactive: one UPDATE."""
    marked = (
        Project.objects.filter(status__in=REPORTING_STATUSES)
        .alias(last_activity=last_activity_expression())
        .filter(last_activity__lt=light.cutoff(today, light.RED_AFTER_MONTHS))
        .update(status=ProjectStatus.INACTIVE, updated_at=timezone.now())
    )
    if marked:
        cache_model_changed(Project)
    return marked
