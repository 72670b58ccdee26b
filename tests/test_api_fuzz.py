"""Fuzzing the public API against its own OpenAPI document (schemathesis, in-process WSGI).

Every operation is called with generated valid and invalid input on the Kanazawa demo: no
answer may be a server error, and every answer must be documented (status code, content type,
body schema). The writes and the operations that need a signed-in caller run again as a
city-staff user with an API token (identifying a real demo observation). The
generation is derandomised, so CI sees the same requests every run; `test_fuzz_budget` checks
that the whole run sent at least FUZZ_BUDGET requests.
"""

from collections import Counter

import pytest
import schemathesis
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from django.test import override_settings
from hypothesis import HealthCheck, settings
from ninja import Schema

from config.api import TsunaguAPI
from config.wsgi import application
from tsunagu.accounts.roles import Role
from tsunagu.accounts.services import api_token_create
from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.core.services import sdg_framework_load
from tsunagu.nature.models import Observation

FUZZ_BUDGET = 2_000
MAX_EXAMPLES = 25
CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
]
FUZZ_SETTINGS = settings(
    max_examples=MAX_EXAMPLES,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)


def _needs_staff_run(ctx) -> bool:
    """Writes and the operations that need a signed-in caller."""
    operation = ctx.operation
    return operation.method.upper() != "GET" or bool(operation.definition.raw.get("security"))


schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)
staff_operations = schema.include(_needs_staff_run)
requests_sent: Counter[str] = Counter()


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker, tmp_path_factory):
    """The Kanazawa demo, a city-staff token and a demo observation, loaded once for the
    module and rolled back at its end (each operation's test runs in a savepoint inside)."""
    # As Django's test client does: a request must not close the connection that holds the
    # transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    media = tmp_path_factory.mktemp("fuzz-media")
    try:
        with (
            django_db_blocker.unblock(),
            override_settings(TSUNAGU_DEMO_STATISTICS=False, MEDIA_ROOT=media),
            transaction.atomic(),
        ):
            sdg_framework_load()
            call_command("load_demo", verbosity=0)
            staff = UserFactory(email="fuzz-staff@example.org", roles=[Role.CITY_STAFF])
            _, token = api_token_create(user=staff, name="fuzz")
            observation = Observation.objects.order_by("pk").first()
            yield {"headers": {"Authorization": f"Bearer {token}"}, "observation": observation}
            transaction.set_rollback(True)
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.fixture
def fuzz_db(demo, db):
    return demo


@schema.parametrize()
@FUZZ_SETTINGS
def test_api_answers_as_documented(case, fuzz_db):
    requests_sent[case.operation.label] += 1
    case.call_and_validate(checks=CHECKS)


@staff_operations.parametrize()
@FUZZ_SETTINGS
def test_api_answers_city_staff_as_documented(case, fuzz_db):
    requests_sent[f"staff {case.operation.label}"] += 1
    if case.path_parameters and "uuid" in case.path_parameters:
        # Identify a real observation: a generated uuid would only ever find nothing.
        case.path_parameters["uuid"] = str(fuzz_db["observation"].uuid)
    response = case.call_and_validate(headers=fuzz_db["headers"], checks=CHECKS)
    assert response.status_code != 401, "the staff token was not accepted"
    assert b"CSRF" not in response.content, "a token caller needs no CSRF token"


def test_fuzz_budget():
    """Runs last in this module: the fuzzing above sent at least FUZZ_BUDGET requests."""
    operations = sum(1 for _ in schema.get_all_operations())
    if len([label for label in requests_sent if not label.startswith("staff ")]) < operations:
        pytest.skip("only part of the fuzzing ran (the budget is checked on a full run)")
    total = sum(requests_sent.values())
    assert total >= FUZZ_BUDGET, f"only {total} requests: {requests_sent}"


def test_two_api_schemas_with_one_name_are_refused():
    """ninja files schemas by class name: a second, different schema under a name already
    taken would document an endpoint with the wrong schema, so building the document fails."""

    def thing_schema(field_type: type) -> type[Schema]:
        return type("ThingOut", (Schema,), {"__annotations__": {"value": field_type}})

    api = TsunaguAPI(urls_namespace="fuzz-schema-names")
    for path, field_type in (("/a", int), ("/b", str)):
        api.get(path, response=thing_schema(field_type))(lambda request: None)
    with pytest.raises(ValueError, match="two API schemas are named ThingOut"):
        api.get_openapi_schema(path_prefix="")
