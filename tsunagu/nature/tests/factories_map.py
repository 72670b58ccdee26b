"""Small builders for the map tests: taxa in a tree and observations with public coordinates."""

import datetime
import uuid

from django.utils import timezone

from tsunagu.nature.models import Campaign, Observation, QualityGrade, Taxon


def taxon_make(name: str, rank: str = "species", parent: Taxon | None = None, **fields) -> Taxon:
    return Taxon.objects.create(scientific_name=name, rank=rank, parent=parent, **fields)


def campaign_make(slug: str = "firefly-survey", **fields) -> Campaign:
    return Campaign.objects.create(slug=slug, title=fields.pop("title", slug), **fields)


def observation_make(
    *,
    latitude: float,
    longitude: float,
    public: tuple[float, float] | None = None,
    grade: str = QualityGrade.RESEARCH,
    observed_on: datetime.date | None = datetime.date(2024, 6, 10),
    taxon: Taxon | None = None,
    community_taxon: Taxon | None = None,
    campaign: Campaign | None = None,
    is_hidden: bool = False,
) -> Observation:
    """An observation whose public location is the true one unless `public` is given (then
    it is marked generalised, as for a sensitive taxon)."""
    public_latitude, public_longitude = public or (latitude, longitude)
    observed_at = (
        timezone.make_aware(datetime.datetime.combine(observed_on, datetime.time(20, 30)))
        if observed_on
        else None
    )
    observation = Observation(
        occurrence_id=f"urn:uuid:{uuid.uuid4()}",
        latitude=latitude,
        longitude=longitude,
        observed_at=observed_at,
        taxon=taxon,
        campaign=campaign,
        is_hidden=is_hidden,
    )
    # Fields the model keeps out of forms (editable=False) are set as services set them.
    observation.public_latitude = public_latitude
    observation.public_longitude = public_longitude
    observation.location_generalised = public is not None
    observation.quality_grade = grade
    observation.community_taxon = community_taxon
    observation.save()
    return observation
