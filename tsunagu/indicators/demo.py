"""Demo statistics: the real SSDSE-A editions and boundaries, when the data directory has them."""

from django.conf import settings

from tsunagu.core.services import boundaries_load
from tsunagu.indicators.importers import ssdse
from tsunagu.indicators.models import Observation
from tsunagu.indicators.services.indicator_set import DEFAULT_SET, indicator_set_load
from tsunagu.indicators.services.observations import file_sha256, observations_import
from tsunagu.indicators.services.scoring import scores_refresh_later


def load() -> None:
    if not settings.TSUNAGU_DEMO_STATISTICS:
        return
    data_dir = settings.TSUNAGU_DATA_DIR
    boundaries = data_dir / "geo" / "municipalities-japan-simplified.geojson"
    if boundaries.exists():
        boundaries_load(path=boundaries)
    files = sorted((data_dir / "ssdse").glob("SSDSE-A-*.csv"))
    if files and not Observation.objects.exists():
        # oldest edition first, so that newer figures replace older ones
        editions = sorted(((p, ssdse.read(p)) for p in files), key=lambda pt: pt[1].edition_rank)
        for path, tidy in editions:
            observations_import(tidy, sha256=file_sha256(path), register_areas=True)
    if DEFAULT_SET.exists():
        indicator_set_load(DEFAULT_SET)
    if Observation.objects.exists():
        scores_refresh_later()
