"""Reads for survey campaigns: visibility, who may record, and the results tables.

Who may do what:
* see a campaign: anyone when it is published; otherwise city staff and members of its
  organisers;
* record a visit: participants (an account with a participant record in the campaign,
  including a guardian who registered a child), members of the organising partners, and
  city staff;
* change or delete a visit: city staff and the person who recorded it.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Prefetch, Q, QuerySet

from tsunagu.accounts.policy import is_city_staff, organisation_ids
from tsunagu.core.models import PublicationStatus
from tsunagu.nature import campaign_trends as trends
from tsunagu.nature.models import Campaign, CampaignParticipant, Taxon, Visit, VisitCount


def _organiser_member(user, campaign: Campaign) -> bool:
    ids = organisation_ids(user)
    return bool(ids) and campaign.organisers.filter(organisation_id__in=ids).exists()


def campaign_list(*, user) -> QuerySet[Campaign]:
    campaigns = Campaign.objects.all()
    if not is_city_staff(user):
        visible = Q(publication=PublicationStatus.PUBLISHED)
        ids = organisation_ids(user)
        if ids:
            visible |= Q(organisers__organisation_id__in=ids)
        campaigns = campaigns.filter(visible)
    return (
        campaigns.annotate(
            site_total=Count("sites", distinct=True),
            visit_total=Count("visits", distinct=True),
            participant_total=Count("participants", distinct=True),
        )
        .prefetch_related("organisers__organisation", "target_taxa")
        .distinct()
        .order_by("title")
    )


def campaign_get(*, slug: str, user) -> Campaign:
    """The campaign if the user may see it; Campaign.DoesNotExist otherwise."""
    campaign = Campaign.objects.prefetch_related(
        "organisers__organisation", "target_taxa", "sites"
    ).get(slug=slug)
    if campaign.is_published or is_city_staff(user) or _organiser_member(user, campaign):
        return campaign
    raise Campaign.DoesNotExist


def campaign_participant_total(campaign: Campaign) -> int:
    return campaign.participants.count()


def campaign_participants_of(*, campaign: Campaign, user) -> list[CampaignParticipant]:
    """The user's own records (themself and children they registered); nobody else's."""
    if not user.is_authenticated:
        return []
    return list(campaign.participants.filter(user=user).order_by("is_child", "name"))


def campaign_can_record(*, user, campaign: Campaign) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    if is_city_staff(user) or _organiser_member(user, campaign):
        return True
    return campaign.participants.filter(user=user).exists()


def visit_can_edit(*, user, visit: Visit) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    return is_city_staff(user) or (
        visit.recorded_by_id is not None and visit.recorded_by_id == user.pk
    )


def campaign_targets(campaign: Campaign) -> list[Taxon]:
    return list(campaign.target_taxa.order_by("scientific_name"))


def campaign_visits(campaign: Campaign) -> QuerySet[Visit]:
    return (
        campaign.visits.select_related("site")
        .prefetch_related(
            Prefetch(
                "counts",
                queryset=VisitCount.objects.select_related("taxon").order_by(
                    "taxon__scientific_name"
                ),
            )
        )
        .order_by("-date", "-start_time", "site__code")
    )


def visit_get(*, campaign: Campaign, pk: int) -> Visit:
    return campaign_visits(campaign).get(pk=pk)


@dataclass(frozen=True)
class CountRow:
    """One visit × taxon: a recorded count, or a zero inferred from a complete checklist, or
    None when the taxon was not looked for."""

    visit: Visit
    taxon: Taxon
    count: int | None
    sub_counts: list[int]
    inferred: bool
    occurrence_id: str


def campaign_count_rows(campaign: Campaign) -> Iterator[CountRow]:
    """Every visit × target taxon (and any other recorded taxon), in date order."""
    targets = campaign_targets(campaign)
    taxa = {t.pk: t for t in targets}
    counts = VisitCount.objects.only("visit_id", "taxon_id", "count", "sub_counts", "occurrence_id")
    visits = (
        campaign.visits.select_related("site")
        .prefetch_related(Prefetch("counts", queryset=counts))
        .order_by("date", "start_time", "site__code", "pk")
    )
    for visit in visits:
        recorded = {c.taxon_id: c for c in visit.counts.all()}
        for taxon in targets:
            count = recorded.pop(taxon.pk, None)
            if count is not None:
                yield CountRow(
                    visit, taxon, count.count, count.sub_counts, False, str(count.occurrence_id)
                )
            else:
                # No record: zero on a complete checklist (it was looked for), unknown otherwise.
                zero = 0 if visit.is_complete_checklist else None
                yield CountRow(visit, taxon, zero, [], zero is not None, "")
        for count in recorded.values():
            if count.taxon_id not in taxa:
                taxa[count.taxon_id] = Taxon.objects.get(pk=count.taxon_id)
            yield CountRow(
                visit,
                taxa[count.taxon_id],
                count.count,
                count.sub_counts,
                False,
                str(count.occurrence_id),
            )


def _result_rows(campaign: Campaign, until: date | None = None) -> list[dict]:
    """campaign_count_rows() for the statistics only: plain values, target taxa only."""
    targets = [t.pk for t in campaign_targets(campaign)]
    recorded = {
        (row["visit_id"], row["taxon_id"]): row["count"]
        for row in VisitCount.objects.filter(visit__campaign=campaign, taxon_id__in=targets).values(
            "visit_id", "taxon_id", "count"
        )
    }
    visits = campaign.visits.all() if until is None else campaign.visits.filter(date__lte=until)
    rows = []
    for visit in visits.values("pk", "site__code", "date", "is_complete_checklist"):
        for taxon_id in targets:
            count = recorded.get((visit["pk"], taxon_id))
            if count is None and visit["is_complete_checklist"]:
                count = 0
            rows.append(
                {
                    "visit_id": visit["pk"],
                    "site": visit["site__code"],
                    "date": visit["date"],
                    "taxon": str(taxon_id),
                    "count": count,
                }
            )
    return rows


def campaign_results(campaign: Campaign, *, until: date | None = None) -> dict:
    """Seasons, nights and trends per site and taxon (taxon "all" = every target together),
    as plain data for the page, its charts and the API; `until`: visits up to that day only."""
    rows = _result_rows(campaign, until)
    frame = trends.with_all_taxa(trends.counts_frame(rows))
    season_frame = trends.seasons(frame)
    night_frame = trends.nights(frame)
    site_trends = trends.site_trends(season_frame)
    years = sorted(set(season_frame["year"].to_list()))
    return {
        "years": years,
        "current_year": years[-1] if years else None,
        "seasons": season_frame.to_dicts(),
        "nights": night_frame.to_dicts(),
        "trends": [
            {"site": site, "taxon": taxon, "trend": trend}
            for (site, taxon), trend in sorted(site_trends.items())
        ],
    }
