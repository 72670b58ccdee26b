"""The public API at /api/v1 (django-ninja): OpenAPI at /api/v1/openapi.json, docs at /docs."""

from ninja import NinjaAPI

from tsunagu.accounts.api import router as accounts_router
from tsunagu.biocultural.api import router as biocultural_router
from tsunagu.biodiversity_index.api import router as biodiversity_index_router
from tsunagu.core.api import router as core_router
from tsunagu.crafts.api import router as crafts_router
from tsunagu.experiences.api import router as experiences_router
from tsunagu.indicators.api import router as indicators_router
from tsunagu.nature.api import router as nature_router
from tsunagu.network.api import router as network_router
from tsunagu.partners.api import router as open_data_router
from tsunagu.programmes.api import router as programmes_router
from tsunagu.projects.api import router as projects_router
from tsunagu.reports.api import router as reports_router
from tsunagu.search.api import router as search_router
from tsunagu.suggestions.api import router as suggestions_router
from tsunagu.tourism.api import router as tourism_router
from tsunagu.tourism_grants.api import router as tourism_grants_router
from tsunagu.tourism_stats.api import router as tourism_stats_router

api = NinjaAPI(
    title="Tsunagu API",
    version="1",
    description="Read the SDG framework, local targets and places; scripts authenticate with "
    "`Authorization: Bearer <token>`, the browser with its session.",
    urls_namespace="api",
)
api.add_router("/", core_router)
api.add_router("/accounts", accounts_router)
api.add_router("/", indicators_router)
api.add_router("/", projects_router)
api.add_router("/", search_router)
api.add_router("/open-data", open_data_router)
api.add_router("/", suggestions_router)
api.add_router("/nature", nature_router)
api.add_router("/nature/culture", biocultural_router)
api.add_router("/nature/biodiversity-index", biodiversity_index_router)
api.add_router("/crafts", crafts_router)
api.add_router("/crafts/experiences", experiences_router)
api.add_router("/crafts/programmes", programmes_router)
api.add_router("/network", network_router)
api.add_router("/tourism", tourism_router)
api.add_router("/tourism/grants", tourism_grants_router)
api.add_router("/tourism/statistics", tourism_stats_router)
api.add_router("/reports", reports_router)
