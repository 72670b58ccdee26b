"""Reads of platform data behind the computed indicators (nature, projects, events).

All of the platform's research-grade observations count as the city's: the platform serves
one city (TSUNAGU_CITY_CODE). Hidden observations never count. Species lists are cumulative
("recorded by the end of the year"), the way a city's inventory grows; observations cannot
show that a species has gone extinct, so a change below zero only comes from corrections.
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Q

from tsunagu.biodiversity_index.definitions import GROUPS, INVASIVE_GROUPS
from tsunagu.events.models import Event, EventStatus
from tsunagu.nature.models import (
    SPECIES_RANK_LEVEL,
    Campaign,
    CampaignParticipant,
    Establishment,
    Observation,
    QualityGrade,
    Taxon,
    Visit,
)
from tsunagu.projects.models import Project, ProjectStatus

BIODIVERSITY_GOALS = (14, 15)


@dataclass
class Figure:
    """A computed value with the sentence that explains it, in both languages."""

    value: float | None
    data_ja: str
    data_en: str


def _group_filter(group: str) -> Q | None:
    prefixes = Taxon.objects.filter(scientific_name__in=GROUPS[group]).values_list(
        "ancestry", flat=True
    )
    query = None
    for prefix in prefixes:
        part = Q(community_taxon__ancestry__startswith=prefix)
        query = part if query is None else query | part
    return query


def species_by_establishment(*, group: str, year: int, cumulative: bool) -> dict[str, set[int]]:
    """Species (subspecies folded into their species) per establishment status, from
    research-grade observations up to the end of `year` (or in `year` only)."""
    found: dict[str, set[int]] = {}
    query = _group_filter(group)
    if query is None:  # the group's taxa are not in the platform yet
        return found
    observations = Observation.objects.filter(
        query,
        quality_grade=QualityGrade.RESEARCH,
        is_hidden=False,
        community_taxon__rank_level__lte=SPECIES_RANK_LEVEL,
        observed_at__isnull=False,
    )
    if cumulative:
        observations = observations.filter(observed_at__year__lte=year)
    else:
        observations = observations.filter(observed_at__year=year)
    rows = observations.values_list(
        "community_taxon_id",
        "community_taxon__rank_level",
        "community_taxon__parent_id",
        "community_taxon__establishment",
    ).distinct()
    for taxon_id, rank_level, parent_id, establishment in rows:
        species = taxon_id if rank_level == SPECIES_RANK_LEVEL or not parent_id else parent_id
        found.setdefault(establishment, set()).add(species)
    return found


def native_species_count(*, group: str, year: int) -> Figure:
    native = len(
        species_by_establishment(group=group, year=year, cumulative=False).get(
            Establishment.NATIVE, set()
        )
    )
    return Figure(
        native,
        f"{year}年に研究用グレードの観察で記録された在来種：{native}種。",
        f"Native species recorded in research-grade observations in {year}: {native}.",
    )


def native_species_change(*, group: str, year: int, baseline_year: int) -> Figure:
    def count(until: int) -> int:
        return len(
            species_by_establishment(group=group, year=until, cumulative=True).get(
                Establishment.NATIVE, set()
            )
        )

    now = count(year)
    if year <= baseline_year:
        return Figure(
            0,
            f"基準年（{year}年）。年末までに記録された在来種：{now}種。変化は次回以降の評価で測る。",
            f"Baseline year ({year}). Native species recorded by the end of the year: {now}. "
            "The change is measured from the next assessment on.",
        )
    before = count(baseline_year)
    change = now - before
    return Figure(
        change,
        f"{year}年末までに記録された在来種：{now}種（基準年{baseline_year}年末：{before}種）。"
        f"変化：{change:+d}種。",
        f"Native species recorded by the end of {year}: {now} (by the end of the baseline "
        f"year {baseline_year}: {before}). Change: {change:+d}.",
    )


def invasive_proportion(*, year: int) -> Figure:
    native: set[int] = set()
    invasive: set[int] = set()
    for group in INVASIVE_GROUPS:
        found = species_by_establishment(group=group, year=year, cumulative=True)
        native |= found.get(Establishment.NATIVE, set())
        invasive |= found.get(Establishment.INVASIVE, set())
    total = len(native) + len(invasive)
    if not total:
        return Figure(
            None,
            f"{year}年末までに対象分類群の記録がないため算出できない。",
            f"No records of the groups by the end of {year}: cannot be computed.",
        )
    share = round(100 * len(invasive) / total, 1)
    return Figure(
        share,
        f"{year}年末までの記録：侵略的外来種{len(invasive)}種、在来種{len(native)}種"
        f"（指標4〜8の分類群）。割合：{share}%。",
        f"Recorded by the end of {year}: {len(invasive)} invasive alien and {len(native)} "
        f"native species (groups of indicators 4–8). Share: {share}%.",
    )


def _biodiversity_tagged() -> Q:
    return Q(sdg_relations__goal_id__in=BIODIVERSITY_GOALS) | Q(
        sdg_relations__target__goal_id__in=BIODIVERSITY_GOALS
    )


def biodiversity_projects(*, year: int):
    """Published projects tagged with SDG 14 or 15 that ran during the year."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    return (
        Project.objects.filter(_biodiversity_tagged(), publication="published")
        .exclude(status=ProjectStatus.PLANNED)
        .filter(Q(starts_on__isnull=True) | Q(starts_on__lte=end))
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=start))
        .distinct()
    )


def _visits(year: int):
    return Visit.objects.filter(date__year=year)


def projects_figure(*, year: int) -> Figure:
    count = biodiversity_projects(year=year).count()
    return Figure(
        count,
        f"{year}年に実施されたSDG 14・15タグ付きの公開プロジェクト：{count}件"
        "（市独自の事業は含まない）。",
        f"Published projects tagged with SDG 14 or 15 running in {year}: {count} "
        "(the city's own projects are not included).",
    )


def partnerships_figure(*, year: int) -> Figure:
    partners: set[int] = set()
    for project in biodiversity_projects(year=year).prefetch_related("co_partners"):
        partners.add(project.lead_partner_id)
        partners.update(p.pk for p in project.co_partners.all())
    campaign_ids = _visits(year).values_list("campaign_id", flat=True)
    for campaign in Campaign.objects.filter(pk__in=campaign_ids).prefetch_related("organisers"):
        partners.update(p.pk for p in campaign.organisers.all())
    count = len(partners)
    return Figure(
        count,
        f"{year}年のSDG 14・15プロジェクトの主導・共同パートナーと"
        f"調査キャンペーンの主催団体：{count}団体。",
        f"Partners leading or co-leading {year}'s SDG 14/15 projects or organising its "
        f"survey campaigns: {count}.",
    )


def outreach_events_figure(*, year: int) -> Figure:
    events = (
        Event.objects.filter(_biodiversity_tagged(), starts_at__year=year)
        .exclude(status__in=[EventStatus.DRAFT, EventStatus.CANCELLED])
        .distinct()
        .count()
    )
    survey_days = _visits(year).values("campaign_id", "date").distinct().count()
    total = events + survey_days
    return Figure(
        total,
        f"{year}年のSDG 14・15タグ付き公開イベント{events}件と"
        f"調査キャンペーンの実施日{survey_days}日。",
        f"{events} published SDG 14/15 events and {survey_days} survey-campaign days in {year}.",
    )


def citizen_science_figure(*, year: int) -> Figure:
    observers = set(
        Observation.objects.filter(
            quality_grade=QualityGrade.RESEARCH,
            is_hidden=False,
            observed_at__year=year,
            observer__isnull=False,
        ).values_list("observer_id", flat=True)
    )
    campaign_ids = _visits(year).values_list("campaign_id", flat=True)
    participants = CampaignParticipant.objects.filter(campaign_id__in=campaign_ids)
    people = observers | set(
        participants.filter(user__isnull=False).values_list("user_id", flat=True)
    )
    without_account = participants.filter(user__isnull=True).count()
    total = len(people) + without_account
    return Figure(
        total,
        f"{year}年に研究用グレードの観察を記録した人と、調査キャンペーンの参加者：{total}人。",
        f"People who recorded research-grade observations in {year} or took part in its "
        f"survey campaigns: {total}.",
    )
