"""What the nature landing page shows: headline figures and the latest public observations."""

from dataclasses import dataclass

from django.db.models import Count, Q

from tsunagu.nature.models import Campaign, Observation, QualityGrade


@dataclass(frozen=True)
class NatureFigures:
    observations: int
    research_grade: int
    species: int
    observers: int
    campaigns: int


def nature_figures() -> NatureFigures:
    public = Observation.objects.filter(is_hidden=False)
    totals = public.aggregate(
        observations=Count("pk"),
        research_grade=Count("pk", filter=Q(quality_grade=QualityGrade.RESEARCH)),
        observers=Count("observer", distinct=True),
        species=Count(
            "community_taxon",
            distinct=True,
            filter=Q(quality_grade=QualityGrade.RESEARCH),
        ),
    )
    campaigns = Campaign.objects.filter(publication="published").count()
    return NatureFigures(campaigns=campaigns, **totals)


def latest_observations(limit: int = 8):
    return (
        Observation.objects.filter(is_hidden=False)
        .exclude(quality_grade=QualityGrade.CASUAL)
        .select_related("taxon", "community_taxon")
        .prefetch_related("photos")
        .order_by("-created_at")[:limit]
    )
