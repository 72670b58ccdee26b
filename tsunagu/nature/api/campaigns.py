"""Survey campaigns API: campaigns, their sites and results. Participants appear only as a
count; visits carry no recorder."""

from datetime import date, time
from decimal import Decimal

from django.http import Http404, HttpRequest
from ninja import Router, Schema

from tsunagu.nature.models import Campaign
from tsunagu.nature.selectors import campaigns as selectors

router = Router(tags=["nature"])


class PartnerRef(Schema):
    slug: str
    name_ja: str
    name_en: str | None


class CampaignTaxonRef(Schema):
    id: int
    scientific_name: str
    common_name: str


class CampaignOut(Schema):
    slug: str
    title_ja: str
    title_en: str | None
    summary_ja: str
    summary_en: str | None
    season_start_month: int | None
    season_end_month: int | None
    first_year: int | None
    organisers: list[PartnerRef]
    target_taxa: list[CampaignTaxonRef]
    sites: int
    visits: int
    participants: int
    is_demo: bool

    @staticmethod
    def resolve_summary_ja(campaign: Campaign) -> str:
        return campaign.summary_ja or ""

    @staticmethod
    def resolve_organisers(campaign: Campaign) -> list[dict]:
        return [
            {
                "slug": p.organisation.slug,
                "name_ja": p.organisation.name_ja,
                "name_en": p.organisation.name_en,
            }
            for p in campaign.organisers.all()
            if p.is_published
        ]

    @staticmethod
    def resolve_target_taxa(campaign: Campaign) -> list[dict]:
        return [
            {
                "id": t.pk,
                "scientific_name": t.scientific_name,
                "common_name": t.common_name_ja or "",
            }
            for t in sorted(campaign.target_taxa.all(), key=lambda t: t.scientific_name)
        ]

    @staticmethod
    def resolve_sites(campaign: Campaign) -> int:
        return getattr(campaign, "site_total", None) or campaign.sites.count()

    @staticmethod
    def resolve_visits(campaign: Campaign) -> int:
        total = getattr(campaign, "visit_total", None)
        return campaign.visits.count() if total is None else total

    @staticmethod
    def resolve_participants(campaign: Campaign) -> int:
        total = getattr(campaign, "participant_total", None)
        return campaign.participants.count() if total is None else total


class SiteOut(Schema):
    code: str
    name_ja: str
    name_en: str | None
    kind: str
    latitude: float
    longitude: float
    path: list[list[float]]
    length_m: int | None
    area_m2: int | None


class CampaignDetailOut(CampaignOut):
    protocol_ja: str
    protocol_en: str | None
    site_list: list[SiteOut]

    @staticmethod
    def resolve_protocol_ja(campaign: Campaign) -> str:
        return campaign.protocol_ja or ""

    @staticmethod
    def resolve_site_list(campaign: Campaign) -> list:
        return list(campaign.sites.all())


class SeasonOut(Schema):
    site: str
    taxon: str
    year: int
    visits: int
    total: int
    mean: float
    max: int


class TrendOut(Schema):
    site: str
    taxon: str
    seasons: int
    first_year: int | None
    last_year: int | None
    slope_per_year: float | None
    percent_per_year: float | None
    p_value: float | None
    direction: str


class CountOut(Schema):
    taxon: int
    scientific_name: str
    count: int | None
    sub_counts: list[int]
    inferred_zero: bool


class VisitOut(Schema):
    event_id: str
    site: str
    date: date
    start_time: time | None
    end_time: time | None
    observers_count: int
    weather: str
    temperature_c: Decimal | None
    moon: str
    artificial_light: str
    protocol_variant: str
    is_complete_checklist: bool
    counts: list[CountOut]


class ResultsOut(Schema):
    campaign: str
    years: list[int]
    seasons: list[SeasonOut]
    trends: list[TrendOut]
    visits: list[VisitOut]


def _campaign(request: HttpRequest, slug: str) -> Campaign:
    try:
        return selectors.campaign_get(slug=slug, user=request.user)
    except Campaign.DoesNotExist:
        raise Http404(f"no campaign {slug}") from None


@router.get("/campaigns", response=list[CampaignOut])
def campaign_list(request: HttpRequest):
    """Published survey campaigns (and drafts the caller may see)."""
    return list(selectors.campaign_list(user=request.user))


@router.get("/campaigns/{slug}", response=CampaignDetailOut)
def campaign_detail(request: HttpRequest, slug: str):
    return _campaign(request, slug)


@router.get("/campaigns/{slug}/results", response=ResultsOut)
def campaign_results(request: HttpRequest, slug: str):
    """Per site and taxon (taxon "all" = the targets together): seasons with visits, total,
    mean and max count per visit; the Theil–Sen / Mann–Kendall trend; every visit with its
    counts (zeros included; inferred_zero marks a target missing from a complete checklist)."""
    campaign = _campaign(request, slug)
    results = selectors.campaign_results(campaign)
    visits: dict[int, dict] = {}
    for row in selectors.campaign_count_rows(campaign):
        visit = row.visit
        entry = visits.setdefault(
            visit.pk,
            {
                "event_id": str(visit.event_id),
                "site": visit.site.code,
                "date": visit.date,
                "start_time": visit.start_time,
                "end_time": visit.end_time,
                "observers_count": visit.observers_count,
                "weather": visit.weather,
                "temperature_c": visit.temperature_c,
                "moon": visit.moon,
                "artificial_light": visit.artificial_light,
                "protocol_variant": visit.protocol_variant,
                "is_complete_checklist": visit.is_complete_checklist,
                "counts": [],
            },
        )
        entry["counts"].append(
            {
                "taxon": row.taxon.pk,
                "scientific_name": row.taxon.scientific_name,
                "count": row.count,
                "sub_counts": row.sub_counts,
                "inferred_zero": row.inferred,
            }
        )
    return {
        "campaign": campaign.slug,
        "years": results["years"],
        "seasons": results["seasons"],
        "trends": [
            {
                "site": row["site"],
                "taxon": row["taxon"],
                "seasons": row["trend"].seasons,
                "first_year": row["trend"].first_year,
                "last_year": row["trend"].last_year,
                "slope_per_year": row["trend"].slope,
                "percent_per_year": row["trend"].percent_per_year,
                "p_value": row["trend"].p_value,
                "direction": str(row["trend"].direction),
            }
            for row in results["trends"]
        ],
        "visits": list(visits.values()),
    }
