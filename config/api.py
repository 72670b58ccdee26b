"""The public API at /api/v1 (django-ninja): OpenAPI at /api/v1/openapi.json, docs at /docs."""

from http.client import responses as status_phrases

from ninja import NinjaAPI, Schema
from ninja.openapi.schema import OpenAPISchema
from ninja.operation import Operation
from ninja.params.models import BodyModel

from tsunagu.accounts.api import router as accounts_router
from tsunagu.biocultural.api import router as biocultural_router
from tsunagu.biodiversity_index.api import router as biodiversity_index_router
from tsunagu.core.api import router as core_router
from tsunagu.core.api_common import ApiErrorOut, ApiValidationErrorOut
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


# Response bodies as ninja wraps them for the schema generator (one field, `response`).
class _ErrorResponse(Schema):
    response: ApiErrorOut


class _ValidationErrorResponse(Schema):
    response: ApiValidationErrorOut


class _Schema(OpenAPISchema):
    """Documents the answers django-ninja gives on every operation besides the ones a view
    declares: 400 for a request body that cannot be parsed, 401 where a caller must
    authenticate, 404 for an unknown resource in the path, 422 for input that does not match
    the parameters or the body."""

    def responses(self, operation: Operation) -> dict[int, dict]:
        result = super().responses(operation)
        for status, model, applies in (
            (400, _ErrorResponse, any(issubclass(m, BodyModel) for m in operation.models)),
            (401, _ErrorResponse, bool(operation.auth_callbacks)),
            (404, _ErrorResponse, "{" in operation.path),
            (422, _ValidationErrorResponse, bool(operation.models)),
        ):
            if applies and status not in result:
                schema = self._create_schema_from_model(model, mode="serialization")[0]
                result[status] = {
                    "description": status_phrases[status],
                    "content": {self.api.renderer.media_type: {"schema": schema}},
                }
        return result

    def add_schema_definitions(self, definitions: dict) -> None:
        # ninja files every schema under its class name: two different classes with the same
        # name would silently document one endpoint with the other's schema.
        for name, definition in definitions.items():
            if self.schemas.get(name, definition) != definition:
                raise ValueError(f"two API schemas are named {name}: give one a distinct name")
        super().add_schema_definitions(definitions)


class TsunaguAPI(NinjaAPI):
    def get_openapi_schema(
        self, *, path_prefix: str | None = None, path_params: dict | None = None
    ) -> OpenAPISchema:
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        return _Schema(self, path_prefix)


api = TsunaguAPI(
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
