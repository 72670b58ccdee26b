"""Permission matrix: every URL of the site and every API operation, as each role.

The URLs come from the root resolver and the operations from the OpenAPI schema, so a new
view or endpoint is in the matrix at once, and fails until tests/permission_matrix_table.py
says which real object fills its parameters (PARAMS) and what each role gets (EXPECTED).
The Kanazawa demo is loaded once for the module, inside a transaction rolled back at the end;
each test runs in its own savepoint.

Checks: GET as each role gets the expected status (never 500); POST with an empty body as
anonymous and plain_user is refused (302 to login, 403, 404, 405) or answered without writing
to the database; each API operation as anonymous, with an invalid token, and as each role by
session and by token gets the expected status.
"""

import re
from dataclasses import dataclass
from types import SimpleNamespace
from urllib.parse import urlencode, urlsplit

import pytest
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.db import connection, transaction
from django.db.models import Count
from django.test import Client, override_settings
from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from config.api import api
from tests.permission_matrix_table import (
    ADMIN_INCLUDED,
    ADMIN_LOGIN,
    API_CALLERS,
    API_EXPECTED,
    API_PAGES,
    API_PARAMS,
    EXPECTED,
    LOGIN,
    PARAMS,
    POST_EXPECTED,
    POST_ROLES,
    POST_WRITES_ALLOWED,
    ROLES,
    SAFE_POST,
    SHADOWED,
    SKIPPED,
    SuspectedBug,
)
from tsunagu.accounts.models import ApiToken, Organisation, ReviewAssignment
from tsunagu.accounts.roles import Role
from tsunagu.accounts.tests.factories import OrganisationFactory, UserFactory
from tsunagu.biocultural.models import CulturalElement, EcosystemService, Material, Place
from tsunagu.biodiversity_index.models import Assessment
from tsunagu.core.models import Area, LocalTarget, PublicationStatus
from tsunagu.core.services import sdg_framework_load
from tsunagu.crafts.models import Artisan, Craft, Workshop
from tsunagu.events.models import Audience, Event, EventStatus, Invitation, Registration
from tsunagu.experiences.models import Booking, Experience, WaitlistEntry
from tsunagu.indicators.models import Indicator
from tsunagu.nature.models import Campaign, Flag, FlagReason, FlagStatus, Observation, Taxon
from tsunagu.network.models import CreativeCity
from tsunagu.partners.models import PUBLIC_STATUSES, Partner, PartnerStatus
from tsunagu.programmes.models import Application as ProgrammeApplication
from tsunagu.programmes.models import ApplicationDocument as ProgrammeDocument
from tsunagu.programmes.models import Call, Participant, Programme
from tsunagu.programmes.models import Report as ProgrammeReport
from tsunagu.projects.selectors import public_projects
from tsunagu.reports.models import Report, ReportStatus, ReportVersion, VersionStatus
from tsunagu.reports.services.generation import snapshot_build
from tsunagu.suggestions.models import SdgSuggestion
from tsunagu.tourism.models import Certificate, Evidence, Operator, TourProduct
from tsunagu.tourism_grants.models import (
    ApplicationDocument,
    GrantApplication,
    GrantCall,
    GrantReport,
    ReportAttachment,
)
from tsunagu.tourism_stats.models import MonthlyFigure

TABLE = "tests/permission_matrix_table.py"
PDF = b"%PDF-1.4\n% permission matrix\n%%EOF\n"
# Writes that are not side effects of the request's purpose: the session (logging out, the
# password-reset link kept in the session) and an API token's last-used time.
IGNORED_WRITE_TABLES = {"django_session", ApiToken._meta.db_table}


# --------------------------------------------------------------------------------------------
# What the resolver and the OpenAPI schema hold (read at collection, without the database)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Route:
    name: str
    route: str
    params: frozenset[str]
    namespace: str


def _routes(resolver=None, prefix: str = "", namespace: str = "", params=frozenset()):
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        names = params | set(pattern.pattern.regex.groupindex)
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from _routes(pattern, route, inner, frozenset(names))
        elif isinstance(pattern, URLPattern):
            name = pattern.name or f"<unnamed {route}>"
            if namespace and pattern.name:
                name = f"{namespace}:{name}"
            yield Route(name, route, frozenset(names), namespace)


ALL_ROUTES = list(_routes())
API_ROUTES = [r for r in ALL_ROUTES if r.namespace == "api" and r.name not in API_PAGES]
PAGE_ROUTES: dict[str, Route] = {}
for _route in ALL_ROUTES:
    if _route in API_ROUTES or _route.name in SKIPPED:
        continue
    if _route.namespace == "admin" and _route.name not in ADMIN_INCLUDED:
        continue
    PAGE_ROUTES.setdefault(_route.name, _route)


def _base(key: str) -> str:
    return key.split("[", 1)[0]


def _page_keys() -> list[str]:
    keys = []
    for name in PAGE_ROUTES:
        variants = [k for k in PARAMS if _base(k) == name]
        keys.extend(variants or [name])
    return keys


PAGE_KEYS = _page_keys()

SCHEMA = api.get_openapi_schema(path_prefix="/api/v1/")
API_OPERATIONS = {
    f"{method.upper()} {path}": operation
    for path, methods in SCHEMA["paths"].items()
    for method, operation in methods.items()
}


class SuspectedBugPresentError(AssertionError):
    """Raised by a case marked SUSPECTED BUG while the code still behaves as it does."""


def _case(key: str, role: str, expected) -> pytest.param:
    marks = ()
    if isinstance(expected, SuspectedBug):
        marks = pytest.mark.xfail(
            strict=True, raises=SuspectedBugPresentError, reason=f"SUSPECTED BUG: {expected.note}"
        )
    return pytest.param(key, role, marks=marks, id=f"{key}-{role}")


GET_CASES = [_case(k, r, EXPECTED.get(k, {}).get(r)) for k in PAGE_KEYS for r in ROLES]
POST_CASES = [_case(k, r, POST_EXPECTED.get(k, {}).get(r)) for k in PAGE_KEYS for r in POST_ROLES]
API_KEYS = [
    key for op in API_OPERATIONS for key in ([k for k in API_PARAMS if _base(k) == op] or [op])
]
API_CASES = [
    _case(key, caller, API_EXPECTED.get(key, {}).get(caller))
    for key in API_KEYS
    for caller in API_CALLERS
]


# --------------------------------------------------------------------------------------------
# The world: the demo, one account per role, and the few objects the demo does not make
# --------------------------------------------------------------------------------------------


def _users() -> dict:
    partner_organisation = OrganisationFactory(slug="matrix-partner-npo")
    Partner.objects.create(
        organisation=partner_organisation,
        contact_name="Matrix",
        contact_email="matrix-partner@example.org",
        status=PartnerStatus.APPROVED,
    )
    partner = UserFactory(email="partner@example.org")
    partner.organisations.add(partner_organisation)
    return {
        "plain_user": UserFactory(email="citizen@example.org"),
        "partner_member": partner,
        "assessor": UserFactory(email="assessor@example.org", roles=[Role.ASSESSOR]),
        "city_staff": UserFactory(email="staff@example.org", roles=[Role.CITY_STAFF]),
        "administrator": UserFactory(email="admin@example.org", roles=[Role.ADMINISTRATOR]),
    }


def _save(instance, **fields):
    """Change an object as a service would (saved, so that signals such as the search index
    follow), and return it."""
    for name, value in fields.items():
        setattr(instance, name, value)
    instance.save()
    return instance


def _file(w, instance, field: str, name: str) -> None:
    """A stand-in PDF in the field's storage (removed again after the module)."""
    stored = getattr(instance, field)
    stored.save(name, ContentFile(PDF), save=False)
    instance.save()
    w.files.append((stored.storage, stored.name))


def _reports(w) -> None:
    """`report` publishes version 1 (version 2 is newer, unpublished); `draft_report` has a
    generated version 1 and none published. Files are stand-ins: generating real ones takes
    seconds per version."""
    reports = Report.objects.annotate(sections_count=Count("sections")).order_by("sections_count")
    w.report, w.draft_report = reports[0], reports[1]
    snapshot = snapshot_build(w.report)
    now = timezone.now()
    for report, number in ((w.report, 1), (w.report, 2), (w.draft_report, 1)):
        version = ReportVersion.objects.create(
            report=report, number=number, status=VersionStatus.DONE, snapshot=snapshot
        )
        version.generated_at = now
        _file(w, version, "pdf_ja", f"{report.slug}-v{number}-ja.pdf")
        if report == w.report and number == 1:
            report.published_version = version
            report.published_at = now
            report.status = ReportStatus.PUBLISHED
            report.save()
    w.section = w.report.sections.order_by("pk").first()


def _world() -> SimpleNamespace:
    w = SimpleNamespace(files=[])
    now = timezone.now()
    w.users = _users()
    w.sessions = {}
    w.tokens = {}
    for role, user in w.users.items():
        client = Client()
        client.force_login(user)
        w.sessions[role] = client.cookies[settings.SESSION_COOKIE_NAME].value
        w.tokens[role] = ApiToken.objects.create_for(user, "permission matrix")[1]
    plain = w.users["plain_user"]
    w.reset_uid = urlsafe_base64_encode(force_bytes(plain.pk))
    w.reset_token = default_token_generator.make_token(plain)

    w.city_area = Area.objects.get(code=settings.TSUNAGU_CITY_CODE)
    w.organisation = Organisation.objects.get(slug="jc-kanazawa")
    w.draft_organisation = OrganisationFactory(
        slug="matrix-draft-organisation", status=PublicationStatus.DRAFT
    )
    w.applied_partner = Partner.objects.create(
        organisation=OrganisationFactory(slug="matrix-applicant"),
        contact_name="Applicant",
        contact_email="applicant@example.org",
        status=PartnerStatus.APPLIED,
    )
    w.review_assignment = ReviewAssignment.objects.order_by("pk").first()
    local_targets = LocalTarget.objects.filter(status=PublicationStatus.PUBLISHED).order_by("pk")
    w.local_target = local_targets[0]
    w.draft_local_target = _save(local_targets[1], status=PublicationStatus.DRAFT)
    w.indicator = Indicator.objects.order_by("code").first()

    partners = Partner.objects.filter(status__in=PUBLIC_STATUSES, is_demo=True)
    w.partner, w.other_partner = partners.order_by("organisation__slug")[:2]
    projects = public_projects().order_by("slug")
    w.project = projects[0]
    w.draft_project = _save(projects[1], publication=PublicationStatus.DRAFT)
    w.suggestion = (
        SdgSuggestion.objects.filter(content_type__model="project", object_id=w.project.pk).first()
        or SdgSuggestion.objects.filter(content_type__model="project").first()
    )

    public_events = Event.objects.filter(status=EventStatus.PUBLISHED, audience=Audience.PUBLIC)
    w.event = public_events.filter(minutes__isnull=False, series__isnull=False).order_by("pk")[0]
    w.registration = (
        Registration.objects.filter(status="confirmed", event__starts_at__gt=now)
        .select_related("event")
        .order_by("pk")
        .first()
    )
    w.draft_event = _save(
        public_events.exclude(pk__in=[w.event.pk, w.registration.event_id]).last(),
        status=EventStatus.DRAFT,
    )
    w.invitation = Invitation.objects.create(
        event=w.event, email="invitee@example.org", language="ja"
    )

    observations = Observation.objects.filter(
        is_hidden=False, photos__isnull=False, taxon__isnull=False
    ).order_by("pk")
    w.observation, w.hidden_observation, with_removed_photo = observations[:3]
    _save(w.hidden_observation, is_hidden=True)  # as an upheld flag leaves it
    w.photo = w.observation.photos.order_by("pk").first()
    w.identification = w.observation.identifications.filter(is_current=True).first()
    w.taxon = Taxon.objects.get(pk=w.observation.taxon_id)
    w.flag = Flag.objects.create(
        observation=w.observation, flagged_by=w.identification.user, reason=FlagReason.SPAM
    )
    w.removed_photo = with_removed_photo.photos.order_by("pk").first()
    Flag.objects.create(
        observation=with_removed_photo,
        photo=w.removed_photo,
        flagged_by=w.identification.user,
        reason=FlagReason.PRIVACY,
        status=FlagStatus.UPHELD,
    )
    w.campaign, draft_campaign = Campaign.objects.order_by("slug")[:2]
    w.draft_campaign = _save(draft_campaign, publication=PublicationStatus.DRAFT)
    w.visit = w.campaign.visits.order_by("pk").first()
    w.element = CulturalElement.objects.order_by("slug").first()
    w.service = EcosystemService.objects.order_by("pk").first()
    w.material = Material.objects.order_by("slug").first()
    w.place = Place.objects.order_by("slug").first()
    w.assessment = Assessment.objects.filter(status="published").order_by("-year").first()
    w.draft_assessment = Assessment.objects.create(area=w.city_area, year=w.assessment.year + 1)

    w.booking = Booking.objects.select_related("slot").order_by("pk").first()
    w.waitlist_entry = WaitlistEntry.objects.create(
        slot=w.booking.slot,
        name="Matrix",
        email="waitlist@example.org",
        participants=1,
        language="ja",
    )
    w.experience, unpublished = Experience.objects.filter(is_published=True).order_by("slug")[:2]
    w.unpublished_experience = _save(unpublished, is_published=False)

    w.programme, unpublished = Programme.objects.filter(is_published=True).order_by("slug")[:2]
    w.unpublished_programme = _save(unpublished, is_published=False)
    w.programme_call = Call.objects.filter(is_published=True, deadline__gt=now).first()
    w.unpublished_call = _save(
        Call.objects.exclude(pk=w.programme_call.pk).first(), is_published=False
    )
    w.programme_application = ProgrammeApplication.objects.filter(status="submitted").first()
    w.programme_document = ProgrammeDocument(
        application=w.programme_application,
        original_name="statement.pdf",
        content_type="application/pdf",
        size=len(PDF),
    )
    _file(w, w.programme_document, "file", "statement.pdf")
    w.participant = Participant.objects.filter(user__isnull=False).order_by("pk").first()
    w.programme_report = ProgrammeReport.objects.order_by("pk").first()

    w.craft = Craft.objects.order_by("slug").first()
    workshops = Workshop.objects.filter(is_published=True).exclude(experiences__is_published=True)
    w.workshop, unpublished = workshops.order_by("slug")[:2]
    w.unpublished_workshop = _save(unpublished, is_published=False)
    w.artisan = Artisan.objects.order_by("slug").first()
    w.creative_city = CreativeCity.objects.order_by("slug").first()

    w.grant_call = GrantCall.objects.order_by("slug").first()
    w.grant_application = GrantApplication.objects.filter(status="submitted").order_by("pk")[0]
    w.grant_document = ApplicationDocument(
        application=w.grant_application, original_name="plan.pdf", content_type="application/pdf"
    )
    _file(w, w.grant_document, "file", "plan.pdf")
    w.grant_attachment = ReportAttachment(
        report=GrantReport.objects.order_by("pk").first(),
        original_name="receipts.pdf",
        content_type="application/pdf",
    )
    _file(w, w.grant_attachment, "file", "receipts.pdf")

    w.certificate = Certificate.objects.select_related("version__scheme").order_by("pk").first()
    w.operator = Operator.objects.order_by("slug").first()
    w.tour_product = TourProduct.objects.select_related("operator").order_by("pk").first()
    w.evidence = Evidence.objects.select_related("application").order_by("pk").first()
    w.tourism_application = w.evidence.application
    w.statistics_area = Area.objects.get(
        pk=MonthlyFigure.objects.values_list("area", flat=True).first()
    )
    _reports(w)
    return w


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with (
        django_db_blocker.unblock(),
        override_settings(TSUNAGU_DEMO_STATISTICS=False),
        transaction.atomic(),
    ):
        sdg_framework_load()
        call_command("load_demo", verbosity=0)
        w = _world()
        yield w
        transaction.set_rollback(True)
        for storage, name in w.files:
            storage.delete(name)


pytestmark = pytest.mark.django_db


# --------------------------------------------------------------------------------------------
# Requests and checks
# --------------------------------------------------------------------------------------------


def _client(world, role: str) -> Client:
    """A fresh client (500s come back as responses); signed in by the role's session."""
    client = Client(raise_request_exception=False)
    if role != "anonymous":
        client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[role]
    return client


class _Writes:
    """Tables a request inserted into, updated or deleted from (rows actually changed)."""

    VERB = re.compile(
        r'^\s*(?:INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)"?', re.I
    )

    def __init__(self) -> None:
        self.tables: list[str] = []

    def __call__(self, execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        match = self.VERB.match(sql)
        if match and match[1] not in IGNORED_WRITE_TABLES and context["cursor"].rowcount != 0:
            self.tables.append(match[1])
        return result


def _request(client: Client, method: str, url: str, **extra):
    writes = _Writes()
    with connection.execute_wrapper(writes):
        response = client.generic(method, url, **extra)
    return response, sorted(set(writes.tables))


def _url(world, key: str) -> str:
    route = PAGE_ROUTES[_base(key)]
    if route.name.startswith("<unnamed"):
        pytest.fail(f"{route.route} has no name: name it, so that it can be reversed")
    if route.params and key not in PARAMS:
        pytest.fail(
            f"{route.route} ({route.name}) takes {sorted(route.params)}: add {key!r} to PARAMS "
            f"in {TABLE}, filled from a real object"
        )
    values = {name: fill(world) for name, fill in PARAMS.get(key, {}).items()}
    query = values.pop("?", "")
    missing = route.params - set(values)
    if missing:
        pytest.fail(f"PARAMS[{key!r}] in {TABLE} does not fill {sorted(missing)}")
    path = reverse(route.name, kwargs=values or None)
    reached = resolve(path).view_name
    if reached != SHADOWED.get(route.name, route.name):
        pytest.fail(f"{path} reaches {reached}, not {route.name}: fix PARAMS[{key!r}]")
    return f"{path}?{query}" if query else path


def _expected(table: dict, key: str, role: str, where: str):
    if key not in table:
        pytest.fail(f"{where}: add {key!r} to the expectations in {TABLE}")
    if role not in table[key]:
        pytest.fail(f"{where}: the expectations of {key!r} in {TABLE} miss {role}")
    return table[key][role]


def _matches(response, expected) -> bool:
    if expected in (LOGIN, ADMIN_LOGIN):
        login = reverse("accounts:login" if expected == LOGIN else "admin:login")
        return response.status_code == 302 and urlsplit(response["Location"]).path == login
    if isinstance(expected, frozenset):
        return response.status_code in expected
    return response.status_code == expected


def _check(response, expected, where: str) -> None:
    status = response.status_code
    if status == 500:
        error = response.exc_info[1] if response.exc_info else "no exception recorded"
        pytest.fail(f"{where}: 500 Internal Server Error ({error!r})")
    got = f"{status} {response.get('Location', '')}".strip()
    if isinstance(expected, SuspectedBug):
        if not _matches(response, expected.correct):
            raise SuspectedBugPresentError(f"{where}: got {got}; {expected.note}")
        return  # fixed: the strict xfail reports it, to take the mark out of the table
    assert _matches(response, expected), f"{where}: expected {expected!r}, got {got}"


@pytest.mark.parametrize(("key", "role"), GET_CASES)
def test_get(world, key, role):
    url = _url(world, key)
    where = f"GET {url} ({key}) as {role}"
    expected = _expected(EXPECTED, key, role, where)
    response, writes = _request(_client(world, role), "GET", url)
    _check(response, expected, where)
    assert not writes, f"{where}: a GET changed {writes}"


def _post_expected(key: str, role: str, where: str):
    """The same refusal as GET, or a safe answer where the role may see the page."""
    if role in POST_EXPECTED.get(key, {}):
        return POST_EXPECTED[key][role]
    expected = _expected(EXPECTED, key, role, where)
    if isinstance(expected, SuspectedBug):
        expected = expected.correct
    if expected in (LOGIN, ADMIN_LOGIN, 302, 403, 404, 405):
        return expected
    return SAFE_POST


@pytest.mark.parametrize(("key", "role"), POST_CASES)
def test_post_refused_or_harmless(world, key, role):
    url = _url(world, key)
    where = f"POST {url} ({key}) as {role}"
    expected = _post_expected(key, role, where)
    response, writes = _request(_client(world, role), "POST", url, data=b"")
    _check(response, expected, where)
    if key not in POST_WRITES_ALLOWED:
        assert not writes, f"{where}: an empty POST changed {writes} ({response.status_code})"


def _api_url(world, key: str) -> str:
    path = _base(key).split(" ", 1)[1]
    operation = API_OPERATIONS[_base(key)]
    needed = {
        p["name"] for p in operation.get("parameters", []) if p["in"] == "path" or p.get("required")
    }
    fills = API_PARAMS.get(key, {})
    missing = needed - set(fills)
    if missing:
        pytest.fail(f"{key} needs {sorted(missing)}: add them to API_PARAMS in {TABLE}")
    values = {name: str(fill(world)) for name, fill in fills.items()}
    query = {}
    for name, value in values.items():
        if "{" + name + "}" in path:
            path = path.replace("{" + name + "}", value)
        else:
            query[name] = value
    return f"{path}?{urlencode(query)}" if query else path


@pytest.mark.parametrize(("key", "caller"), API_CASES)
def test_api(world, key, caller):
    method = key.split(" ", 1)[0]
    url = _api_url(world, key)
    where = f"{method} {url} ({key}) as {caller}"
    expected = _expected(API_EXPECTED, key, caller, where)
    kind, _, role = caller.partition(":")
    client = _client(world, role if kind == "session" else "anonymous")
    headers = {}
    if kind == "token":
        token = "not-a-real-token" if role == "invalid" else world.tokens[role]
        headers["Authorization"] = f"Bearer {token}"
    body = {"data": b"{}", "content_type": "application/json"} if method != "GET" else {}
    response, writes = _request(client, method, url, headers=headers, **body)
    _check(response, expected, where)
    assert not writes, f"{where}: changed {writes} ({response.status_code})"


# --------------------------------------------------------------------------------------------
# The tables stay in step with the code
# --------------------------------------------------------------------------------------------


def test_api_routes_are_in_the_schema():
    """Every API route of the resolver is an operation of the OpenAPI schema tested above."""
    paths = set(SCHEMA["paths"])
    routes = {"/" + re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", route.route) for route in API_ROUTES}
    assert routes <= paths, f"API routes missing from the schema: {sorted(routes - paths)}"


def test_served_schema_is_the_one_tested(world):
    served = Client().get("/api/v1/openapi.json").json()
    assert set(served["paths"]) == set(SCHEMA["paths"])
    for path, methods in served["paths"].items():
        assert set(methods) == set(SCHEMA["paths"][path]), path


def test_tables_name_only_existing_urls():
    keys = set(PAGE_KEYS)
    stale = (set(EXPECTED) | set(PARAMS) | set(POST_EXPECTED)) - keys
    assert not stale, f"{TABLE} names URLs that no longer exist: {sorted(stale)}"
    stale_api = (set(API_EXPECTED) | set(API_PARAMS)) - set(API_KEYS)
    assert not stale_api, f"{TABLE} names API operations that no longer exist: {stale_api}"
    assert keys >= POST_WRITES_ALLOWED
    assert set(SKIPPED) <= {route.name for route in ALL_ROUTES}
