"""The public API at /api/v1 (django-ninja): OpenAPI at /api/v1/openapi.json, docs at /docs."""

from ninja import NinjaAPI

from tsunagu.accounts.api import router as accounts_router
from tsunagu.core.api import router as core_router
from tsunagu.indicators.api import router as indicators_router

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
