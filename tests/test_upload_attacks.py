"""Every upload entry point, attacked through its real HTTP endpoint by the role allowed to use
it: disguised types, lying content types, files just over the limit, decompression bombs,
hostile file names, metadata and active content in pictures, archive and XML tricks; then
private files fetched by everyone who must not read them.

Adding an upload entry point is adding one `Endpoint` to ENDPOINTS: a function that prepares
what the form needs and says how to count what was saved."""

import io
import re
import uuid
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.functional import empty
from PIL import Image

from tsunagu.accounts.tests.factories import OrganisationFactory, UserFactory

MB = 1024 * 1024
ENGLISH = {"HTTP_ACCEPT_LANGUAGE": "en"}

# ---------------------------------------------------------------- hostile and honest content

HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG = b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'><script>alert(1)</script></svg>"
ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 120
PE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 120 + b"PE\x00\x00"
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
SCRIPT_TAIL = b"<script>alert('tail')</script>"
KANAZAWA_GPS = {1: "N", 2: (36.0, 34.0, 41.0), 3: "E", 4: (136.0, 38.0, 15.0)}


def jpeg(size=(64, 48), gps: bool = False) -> bytes:
    image = Image.new("RGB", size, (40, 90, 30))
    exif = image.getexif()
    if gps:
        exif.get_ifd(0x8825).update(KANAZAWA_GPS)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif, comment=b"<script>alert('comment')</script>")
    return buffer.getvalue()


def png(size=(16, 16)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "green").save(buffer, format="PNG")
    return buffer.getvalue()


_BOMB: list[bytes] = []


def bomb_png() -> bytes:
    """A few kilobytes that claim 20,000 × 20,000 pixels (400 million, 1.2 GB decoded)."""
    if not _BOMB:
        buffer = io.BytesIO()
        Image.new("1", (20_000, 20_000)).save(buffer, format="PNG", optimize=True)
        _BOMB.append(buffer.getvalue())
    return _BOMB[0]


def visitor_rows() -> bytes:
    from tsunagu.tourism_stats.tests.factories import HEADER, year_rows

    return "\n".join([HEADER, *year_rows()]).encode()


def indicator_rows() -> bytes:
    return b"statistic,area,year,value,statistic_name_ja,unit\nT1,17201,2020,10,visitors,people\n"


def _city_area():
    from tsunagu.core.models import Area, AreaKind

    return Area.objects.get_or_create(
        code="17201", defaults={"kind": AreaKind.MUNICIPALITY, "name_ja": "金沢市"}
    )[0]


def _dwca_archive() -> bytes:
    from tsunagu.nature.tests.factories_dwca import occurrence_files

    return _zip(occurrence_files())


def padded(content: bytes, total: int) -> bytes:
    return content + b"\x00" * (total - len(content))


def multipart(fields: dict, file_field: str, name: str, content: bytes, content_type: str):
    """A multipart body written by hand: the test client would strip the file name's folders
    before sending, and an attacker's client does not."""
    boundary = uuid.uuid4().hex
    parts = []
    for key, value in fields.items():
        for item in value if isinstance(value, list) else [value]:
            head = f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n'
            parts.append(f"{head}{item}\r\n".encode())
    quoted = name.replace('"', "%22")
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="{file_field}"; '
        f'filename="{quoted}"\r\nContent-Type: {content_type}\r\n\r\n'.encode()
        + content
        + b"\r\n"
    )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


# ---------------------------------------------------------------- the entry points


@dataclass
class Target:
    client: Client
    url: str
    fields: dict
    file_field: str
    saved: Callable[[], int]  # how many uploads are stored
    stored_files: Callable[[], list[Path]] = lambda: []
    refuses_by_redirect: bool = False  # the refusal is a message on the page it redirects to


@dataclass
class Endpoint:
    id: str
    kind: str  # document (PDF/JPEG/PNG), image (public picture), evidence, table, archive
    prepare: Callable[[dict], Target]
    max_bytes: int
    good: Callable[[], tuple[str, bytes]]
    type_error: str  # a regular expression the refusal page must match
    size_error: str


def en(name: str, *args) -> str:
    """The English page's address: refusal messages are matched in English."""
    with translation.override("en"):
        return reverse(name, args=args)


def _login(user) -> Client:
    client = Client(**ENGLISH)
    client.force_login(user)
    return client


def _tourism_evidence(users) -> Target:
    from tsunagu.tourism.models import Evidence
    from tsunagu.tourism.services.applications import application_create
    from tsunagu.tourism.services.schemes import default_version, schemes_seed
    from tsunagu.tourism.tests.factories import operator_for

    schemes_seed()
    member = UserFactory(email="inn@example.org")
    application = application_create(
        operator=operator_for(member), version=default_version(), by=member
    )
    return Target(
        client=_login(member),
        url=en("tourism:application_edit", application.pk),
        fields={"action": "save"},
        file_field="evidence",
        saved=Evidence.objects.count,
        stored_files=lambda: [Path(e.file.path) for e in Evidence.objects.all()],
    )


def _grant_application(users) -> Target:
    from tsunagu.tourism_grants.models import ApplicationDocument
    from tsunagu.tourism_grants.tests.factories import GrantCallFactory

    call = GrantCallFactory()
    return Target(
        client=_login(users["plain_user"]),
        url=en("tourism_grants:application_create", call.slug),
        fields={
            "project_title": "Craft evenings",
            "description": "Residents and guests make crafts together.",
            "requested_yen": "300000",
            "budget_lines": "Materials, 300000",
            "goals": "11",
            "submit": "1",
        },
        file_field="documents",
        saved=ApplicationDocument.objects.count,
        stored_files=lambda: [Path(d.file.path) for d in ApplicationDocument.objects.all()],
    )


def _grant_report(users) -> Target:
    from tsunagu.tourism_grants.models import ReportAttachment
    from tsunagu.tourism_grants.services.awards import award_decide
    from tsunagu.tourism_grants.tests.factories import SubmittedApplicationFactory

    applicant = users["plain_user"]
    application = SubmittedApplicationFactory(applicant=applicant)
    award_decide(application=application, amount_yen=500_000, decided_by=users["city_staff"])
    return Target(
        client=_login(applicant),
        url=en("tourism_grants:report_submit", application.pk),
        fields={"text": "We held twelve craft evenings.", "figures": "participants, 120, people"},
        file_field="attachments",
        refuses_by_redirect=True,
        saved=ReportAttachment.objects.count,
        stored_files=lambda: [Path(a.file.path) for a in ReportAttachment.objects.all()],
    )


def _programme_application(users) -> Target:
    from tsunagu.programmes.models import ApplicationDocument
    from tsunagu.programmes.tests.factories import CallFactory

    call = CallFactory()
    return Target(
        client=_login(users["plain_user"]),
        url=en("programmes:call_apply", call.pk),
        fields={"full_name": "金沢 花子", "date_of_birth": "1996-01-02", "statement": "志望動機"},
        file_field="documents",
        saved=ApplicationDocument.objects.count,
        stored_files=lambda: [Path(d.file.path) for d in ApplicationDocument.objects.all()],
    )


def _partner_logo(users) -> Target:
    from tsunagu.partners.models import Partner, PartnerStatus

    organisation = users["partner_member"].organisations.get()
    partner = Partner.objects.create(
        organisation=organisation,
        status=PartnerStatus.ACTIVE,
        contact_name="担当",
        contact_email="own@example.org",
    )

    def logos() -> list[Path]:
        partner.refresh_from_db()
        return [Path(partner.logo.path)] if partner.logo else []

    return Target(
        client=_login(users["partner_member"]),
        url=en("partners:partner_edit", organisation.slug),
        fields={"description_ja": "説明"},
        file_field="logo",
        saved=lambda: len(logos()),
        stored_files=logos,
    )


def _observation_form(users) -> Target:
    from tsunagu.nature.models import ObservationPhoto
    from tsunagu.nature.tests.factories import taxon_tree

    tree = taxon_tree()
    return Target(
        client=_login(users["plain_user"]),
        url=en("nature:observation_create"),
        fields={
            "observed_at": "2025-06-12T20:40",
            "latitude": "36.5781",
            "longitude": "136.6377",
            "uncertainty_m": "20",
            "taxon": str(tree["species"].pk),
            "count": "1",
            "life_stage": "adult",
            "is_cultivated": "false",
            "licence": "CC-BY-4.0",
        },
        file_field="photos",
        saved=ObservationPhoto.objects.count,
        stored_files=lambda: [Path(p.image.path) for p in ObservationPhoto.objects.all()],
    )


def _observation_api(users) -> Target:
    from tsunagu.nature.models import ObservationPhoto

    return Target(
        client=_login(users["plain_user"]),
        url="/api/v1/nature/observations",
        fields={"latitude": "36.5", "longitude": "136.6", "observed_at": "2025-06-01T21:00:00"},
        file_field="photos",
        saved=ObservationPhoto.objects.count,
        stored_files=lambda: [Path(p.image.path) for p in ObservationPhoto.objects.all()],
    )


def _biodiversity_evidence(users) -> Target:
    from tsunagu.biodiversity_index import services
    from tsunagu.biodiversity_index.models import Assessment
    from tsunagu.biodiversity_index.tests.factories import city_area

    services.assessment_create(area=city_area(), year=2024)
    scores = Assessment.objects.get(year=2024).scores

    def files() -> list[Path]:
        return [Path(s.evidence_file.path) for s in scores.exclude(evidence_file="")]

    return Target(
        client=_login(users["city_staff"]),
        url=en("biodiversity_index:staff_edit", 2024),
        fields={"score_1": "3"},
        file_field="evidence_file_1",
        saved=lambda: len(files()),
        stored_files=files,
    )


def _admin_form(client: Client, url: str) -> dict:
    """The values an admin form holds when the page is opened (inputs, selects, textareas)."""
    from html.parser import HTMLParser

    class Reader(HTMLParser):
        def __init__(self):
            super().__init__()
            self.values: dict[str, list[str]] = {}
            self.select = self.textarea = None

        def handle_starttag(self, tag, attrs):
            a = dict(attrs)
            name = a.get("name")
            if tag == "input" and name and a.get("type") not in ("file", "submit", "button"):
                if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                    return
                default = "on" if a.get("type") in ("checkbox", "radio") else ""
                self.values.setdefault(name, []).append(a.get("value", default))
            elif tag == "select" and name:
                self.select = name
                self.values.setdefault(name, [])
            elif tag == "option" and self.select and "selected" in a:
                self.values[self.select].append(a.get("value", ""))
            elif tag == "textarea" and name:
                self.textarea = name
                self.values[name] = [""]

        def handle_endtag(self, tag):
            if tag == "select":
                self.select = None
            elif tag == "textarea":
                self.textarea = None

        def handle_data(self, data):
            if self.textarea:
                self.values[self.textarea][0] += data

    reader = Reader()
    reader.feed(client.get(url).content.decode())
    values = {k: v if len(v) > 1 else (v[0] if v else "") for k, v in reader.values.items()}
    for name, value in values.items():
        if isinstance(value, str) and value.startswith("\n"):  # a textarea's first newline
            values[name] = value[1:]
    values.pop("csrfmiddlewaretoken", None)
    return values


def _crafts_admin(users) -> Target:
    from tsunagu.crafts.models import CraftImage
    from tsunagu.crafts.tests.factories import CraftFactory

    craft = CraftFactory()
    client = _login(users["administrator"])
    url = reverse("admin:crafts_craft_change", args=[craft.pk])
    fields = _admin_form(client, url)
    fields.update({"images-TOTAL_FORMS": "1", "images-0-credit": "c", "images-0-licence": "l"})
    fields.update({"images-0-order": "0"})
    return Target(
        client=client,
        url=url,
        fields=fields,
        file_field="images-0-image",
        saved=CraftImage.objects.count,
        stored_files=lambda: [Path(i.image.path) for i in CraftImage.objects.all()],
    )


def _biocultural_admin(users) -> Target:
    from tsunagu.biocultural.tests.factories import ElementFactory

    element = ElementFactory()
    client = _login(users["administrator"])
    url = reverse("admin:biocultural_culturalelement_change", args=[element.pk])

    def images() -> list[Path]:
        element.refresh_from_db()
        return [Path(element.image.path)] if element.image else []

    return Target(
        client=client,
        url=url,
        fields={**_admin_form(client, url), "image_credit": "Kanazawa City"},
        file_field="image",
        saved=lambda: len(images()),
        stored_files=images,
    )


def _visitor_statistics(users) -> Target:
    from tsunagu.tourism_stats.models import VisitorImport

    _city_area()
    return Target(
        client=_login(users["city_staff"]),
        url=en("tourism_stats:staff_import"),
        fields={},
        file_field="file",
        saved=VisitorImport.objects.count,
    )


def _indicator_statistics(users) -> Target:
    from tsunagu.indicators.models import ImportRun

    _city_area()
    return Target(
        client=_login(users["city_staff"]),
        url=en("admin:indicators_importrun_upload"),
        fields={"edition": "attack"},
        file_field="file",
        saved=ImportRun.objects.count,
    )


def _dwca(users) -> Target:
    from tsunagu.nature.models import Observation

    return Target(
        client=_login(users["city_staff"]),
        url=en("nature:dwca"),
        fields={},
        file_field="archive",
        saved=Observation.objects.count,
    )


DOCUMENT_TYPE = r"is not a PDF, JPEG or PNG file"
DOCUMENT_SIZE = r"is larger than \d+ MB"
IMAGE_TYPE = r"not a readable image|Upload a valid image|not accepted|extension"
IMAGE_SIZE = r"larger than \d+ MB|2 MB or smaller"

# fmt: off
# (id, kind, prepare, size limit, an honest file, refusal for a wrong type, for a large file)
E = Endpoint
ENDPOINTS = [
    E("tourism-evidence", "document", _tourism_evidence, 10 * MB, lambda: ("plan.pdf", PDF),
      DOCUMENT_TYPE, DOCUMENT_SIZE),
    E("grant-application", "document", _grant_application, 10 * MB, lambda: ("plan.pdf", PDF),
      DOCUMENT_TYPE, DOCUMENT_SIZE),
    E("grant-report", "document", _grant_report, 10 * MB, lambda: ("report.pdf", PDF),
      DOCUMENT_TYPE, DOCUMENT_SIZE),
    E("programme-application", "document", _programme_application, 5 * MB,
      lambda: ("cv.pdf", PDF), DOCUMENT_TYPE, DOCUMENT_SIZE),
    E("partner-logo", "image", _partner_logo, 2 * MB, lambda: ("logo.png", png()),
      IMAGE_TYPE, IMAGE_SIZE),
    E("observation-form", "image", _observation_form, 10 * MB, lambda: ("firefly.jpg", jpeg()),
      IMAGE_TYPE, IMAGE_SIZE),
    E("observation-api", "image", _observation_api, 10 * MB, lambda: ("firefly.jpg", jpeg()),
      IMAGE_TYPE, IMAGE_SIZE),
    E("craft-image-admin", "image", _crafts_admin, 5 * MB, lambda: ("leaf.png", png()),
      IMAGE_TYPE, IMAGE_SIZE),
    E("culture-image-admin", "image", _biocultural_admin, 10 * MB, lambda: ("yuzen.png", png()),
      IMAGE_TYPE, IMAGE_SIZE),
    E("biodiversity-evidence", "evidence", _biodiversity_evidence, 10 * MB,
      lambda: ("survey.pdf", PDF), r"content does not match its extension|must be one of",
      r"larger than 10 MB"),
    E("visitor-statistics", "table", _visitor_statistics, 10 * MB,
      lambda: ("visitors.csv", visitor_rows()), "", r"larger than 10 MB"),
    E("indicator-statistics", "table", _indicator_statistics, 0,
      lambda: ("stats.csv", indicator_rows()), "", ""),  # admin-only; no size limit of its own
    E("darwin-core", "archive", _dwca, 200 * MB, lambda: ("fireflies.zip", _dwca_archive()),
      "", r"larger than 200 MB"),
]
# fmt: on
BY_KIND = {kind: [e for e in ENDPOINTS if e.kind == kind] for kind in {e.kind for e in ENDPOINTS}}
PICTURE_TAKERS = [e for e in ENDPOINTS if e.kind in ("document", "image")]


@pytest.fixture(autouse=True)
def folders(settings, tmp_path):
    """Public and private media in a temporary folder, so a test can list what landed where."""
    from tsunagu.tourism_grants.models.applications import private_storage

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.TSUNAGU_PRIVATE_MEDIA_ROOT = tmp_path / "private"
    settings.TOURISM_EVIDENCE_ROOT = tmp_path / "private" / "tourism-evidence"
    private_storage._wrapped = empty
    yield tmp_path
    private_storage._wrapped = empty


def send(target: Target, name: str, content: bytes, content_type: str = "application/pdf"):
    body, body_type = multipart(target.fields, target.file_field, name, content, content_type)
    return target.client.post(target.url, body, content_type=body_type)


def assert_refused(response, target: Target, message: str) -> None:
    if target.refuses_by_redirect and response.status_code == 302:
        response = target.client.get(response["Location"])
    assert response.status_code in (200, 400, 422), response.status_code
    assert target.saved() == 0
    if message:
        assert re.search(message, response.content.decode(), re.IGNORECASE), message


def files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


# ---------------------------------------------------------------- the attacks


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.id)
def test_every_endpoint_takes_an_honest_file(db, users, endpoint):
    """The baseline that makes every refusal below mean something."""
    target = endpoint.prepare(users)
    name, content = endpoint.good()
    response = send(target, name, content, "application/octet-stream")
    assert response.status_code in (200, 201, 302)
    assert target.saved() >= 1


DISGUISES = [
    ("page.pdf", HTML, "application/pdf"),
    ("photo.jpg", HTML, "image/jpeg"),
    ("logo.png", SVG, "image/png"),
    ("photo.jpg", ELF, "image/jpeg"),
    ("plan.pdf", PE, "application/pdf"),
    ("setup.exe", PE, "image/jpeg"),  # the content type lies, the name does not
]


@pytest.mark.parametrize("endpoint", PICTURE_TAKERS, ids=lambda e: e.id)
@pytest.mark.parametrize(("name", "content", "content_type"), DISGUISES)
def test_disguised_types_are_refused(db, users, endpoint, name, content, content_type):
    target = endpoint.prepare(users)
    response = send(target, name, content, content_type)
    assert_refused(response, target, endpoint.type_error)


@pytest.mark.parametrize(
    ("name", "content"),
    [("survey.pdf", HTML), ("counts.csv", ELF), ("map.png", SVG), ("sheet.xlsx", PE)],
)
def test_public_evidence_must_be_what_its_extension_says(db, users, name, content):
    endpoint = BY_KIND["evidence"][0]
    target = endpoint.prepare(users)
    assert_refused(send(target, name, content), target, endpoint.type_error)


@pytest.mark.parametrize("endpoint", [e for e in ENDPOINTS if e.size_error], ids=lambda e: e.id)
def test_a_file_just_over_the_limit_is_refused(db, users, endpoint, monkeypatch):
    if endpoint.kind == "archive":  # 200 MB in a test: the limit is lowered, not the check
        monkeypatch.setattr("tsunagu.nature.views.dwca.MAX_UPLOAD_BYTES", 1 * MB)
        limit = 1 * MB
    else:
        limit = endpoint.max_bytes
    target = endpoint.prepare(users)
    name, content = endpoint.good()
    response = send(target, name, padded(content, limit + 1))
    assert_refused(response, target, endpoint.size_error)


@pytest.mark.parametrize("endpoint", PICTURE_TAKERS, ids=lambda e: e.id)
def test_a_decompression_bomb_is_refused(db, users, endpoint):
    target = endpoint.prepare(users)
    response = send(target, "tiny.png", bomb_png(), "image/png")
    assert_refused(response, target, endpoint.type_error)


HOSTILE_NAMES = [
    "../../../../escape.pdf",
    "/etc/cron.d/escape.pdf",
    "..\\..\\escape.pdf",
    "evil\x00.pdf",
    "a" * 300 + ".pdf",
    "名" * 200 + ".pdf",  # 255 characters are 765 bytes: more than a file name may hold
    "\u202efdp.exe.pdf",  # right-to-left override: shows as "exe.pdf" reversed
    "ＣＯＮ.pdf",
]


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=lambda e: e.id)
@pytest.mark.parametrize("hostile", HOSTILE_NAMES)
def test_hostile_file_names_stay_inside_the_storage(db, users, endpoint, hostile, folders):
    good_name, content = endpoint.good()
    marker = uuid.uuid4().hex[:8]
    name = hostile.replace("escape", f"escape-{marker}")[: -len("pdf")]
    name += good_name.rsplit(".", 1)[-1]
    target = endpoint.prepare(users)
    response = send(target, name, content)
    assert response.status_code < 500, response.status_code
    for path in target.stored_files():
        assert folders in path.resolve().parents, path
        assert "\x00" not in path.name
        assert "\u202e" not in path.name
        assert len(path.name.encode()) <= 255
    # Where a climbing name would land: any folder above the storage, and the absolute one.
    places = [*folders.parents, Path("/etc/cron.d"), Path.cwd()]
    escaped = [path for place in places for path in place.glob(f"escape-{marker}*")]
    assert not escaped, escaped


@pytest.mark.parametrize("endpoint", BY_KIND["image"], ids=lambda e: e.id)
def test_pictures_are_stored_without_metadata_or_active_content(db, users, endpoint):
    """GPS position, comments and anything after the image's end are gone from what is kept."""
    target = endpoint.prepare(users)
    hostile = jpeg(size=(80, 60), gps=True) + SCRIPT_TAIL
    response = send(target, "garden.jpg", hostile, "image/jpeg")
    assert response.status_code in (200, 201, 302)
    stored = target.stored_files()
    assert stored
    for path in stored:
        data = path.read_bytes()
        assert b"<script" not in data
        with Image.open(path) as image:
            assert not image.getexif().get_ifd(0x8825)
            assert "comment" not in image.info
            assert "exif" not in image.info


@pytest.mark.parametrize("endpoint", BY_KIND["document"], ids=lambda e: e.id)
def test_a_polyglot_document_is_never_served_as_a_page(db, users, endpoint):
    """A JPEG with an HTML tail passes the content check (it is a JPEG); it must come back
    as a JPEG download that the browser may not sniff into a page."""
    target = endpoint.prepare(users)
    send(target, "scan.jpg", jpeg() + HTML, "text/html")
    assert target.saved() == 1
    downloads = {
        "tourism-evidence": ("tourism:evidence_download", "tourism", "Evidence"),
        "grant-application": ("tourism_grants:document_download", "tourism_grants", None),
        "grant-report": None,
        "programme-application": ("programmes:document_download", "programmes", None),
    }[endpoint.id]
    if downloads is None:
        return
    from django.apps import apps

    model = apps.get_model(downloads[1], downloads[2] or "ApplicationDocument")
    response = target.client.get(reverse(downloads[0], args=[model.objects.get().pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert response["X-Content-Type-Options"] == "nosniff"


# ---------------------------------------------------------------- archives and XML


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


META = b"""<?xml version="1.0"?>
<archive xmlns="http://rs.tdwg.org/dwc/text/">
 <core rowType="http://rs.tdwg.org/dwc/terms/Occurrence" ignoreHeaderLines="1">
  <files><location>occurrence.txt</location></files>
  <id index="0"/>
  <field index="1" term="http://rs.tdwg.org/dwc/terms/scientificName"/>
 </core>
</archive>"""
LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<archive xmlns="http://rs.tdwg.org/dwc/text/"><core>&lol3;</core></archive>"""
EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE archive [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<archive xmlns="http://rs.tdwg.org/dwc/text/"><core>&secret;</core></archive>"""
OCCURRENCES = b"id\tscientificName\n1\tLuciola cruciata\n"


@pytest.mark.parametrize(
    ("members", "message"),
    [
        ({"meta.xml": LAUGHS, "occurrence.txt": OCCURRENCES}, "not valid XML"),
        ({"meta.xml": EXTERNAL, "occurrence.txt": OCCURRENCES}, "not valid XML"),
        ({"meta.xml": META, "../../evil.txt": OCCURRENCES}, "unsafe path"),
        ({"meta.xml": META, "/tmp/evil.txt": OCCURRENCES}, "unsafe path"),
    ],
    ids=["billion-laughs", "external-entity", "zip-slip", "absolute-path"],
)
def test_darwin_core_archive_tricks_are_refused(db, users, members, message, folders):
    target = _dwca(users)
    response = send(target, "archive.zip", _zip(members), "application/zip")
    assert_refused(response, target, message)
    assert b"root:" not in response.content
    assert not list(folders.parent.rglob("evil.txt"))


def _xlsx_with(sheet: bytes) -> bytes:
    from openpyxl import Workbook

    buffer = io.BytesIO()
    book = Workbook()
    book.active.append(["statistic", "area", "year", "value"])
    book.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for item in source.infolist():
            data = sheet if item.filename == "xl/worksheets/sheet1.xml" else source.read(item)
            archive.writestr(item, data)
    return out.getvalue()


@pytest.mark.parametrize("endpoint", BY_KIND["table"], ids=lambda e: e.id)
@pytest.mark.parametrize("xml", [LAUGHS, EXTERNAL], ids=["billion-laughs", "external-entity"])
def test_spreadsheet_xml_tricks_are_refused(db, users, endpoint, xml):
    target = endpoint.prepare(users)
    response = send(target, "stats.xlsx", _xlsx_with(xml), "application/octet-stream")
    assert_refused(response, target, "")
    assert b"root:" not in response.content


@pytest.mark.parametrize("endpoint", BY_KIND["table"], ids=lambda e: e.id)
@pytest.mark.parametrize(("name", "content"), [("stats.xlsx", ELF), ("stats.csv", ELF + PE)])
def test_spreadsheet_imports_refuse_programs(db, users, endpoint, name, content):
    target = endpoint.prepare(users)
    assert_refused(send(target, name, content), target, "")


# ---------------------------------------------------------------- private files


@dataclass
class PrivateFile:
    url: str
    owner: object
    reviewers: list  # staff or assigned assessors, who may read it too


def _private_tourism_evidence(users, other) -> PrivateFile:
    from tsunagu.tourism.services.schemes import default_version, schemes_seed
    from tsunagu.tourism.tests.factories import operator_for, submitted_application

    schemes_seed()
    member = UserFactory(email="inn-owner@example.org")
    operator_for(other, name="Other Inn", slug="other-inn")
    application = submitted_application(default_version(), operator_for(member), member)
    url = reverse("tourism:evidence_download", args=[application.evidence.get().pk])
    return PrivateFile(url, member, [users["city_staff"]])


def _private_grant_document(users, other) -> PrivateFile:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tsunagu.core.models import Goal
    from tsunagu.tourism_grants.services.applications import application_save
    from tsunagu.tourism_grants.tests.factories import GrantCallFactory

    application = application_save(
        applicant=UserFactory(email="grantee@example.org"),
        call=GrantCallFactory(),
        project_title="Craft evenings",
        description="Residents and guests make crafts together.",
        requested_yen=300_000,
        goals=Goal.objects.filter(number=11),
        budget_lines=[("Materials", 300_000)],
        documents=[SimpleUploadedFile("plan.pdf", PDF)],
        submit=True,
    )
    url = reverse("tourism_grants:document_download", args=[application.documents.get().pk])
    return PrivateFile(url, application.applicant, [users["city_staff"]])


def _private_programme_document(users, other) -> PrivateFile:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tsunagu.programmes import services
    from tsunagu.programmes.tests.factories import CallFactory

    applicant = UserFactory(email="apprentice@example.org")
    application = services.application_submit(
        call=CallFactory(),
        applicant=applicant,
        full_name="金沢 花子",
        date_of_birth=date(1995, 5, 5),
        statement="漆芸",
        documents=[SimpleUploadedFile("cv.pdf", PDF)],
    )
    url = reverse("programmes:document_download", args=[application.documents.get().pk])
    return PrivateFile(url, applicant, [users["city_staff"]])


def _private_grant_report_attachment(users, other) -> PrivateFile:
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tsunagu.tourism_grants.services.awards import award_decide
    from tsunagu.tourism_grants.services.reports import report_submit
    from tsunagu.tourism_grants.tests.factories import SubmittedApplicationFactory

    application = SubmittedApplicationFactory()
    award = award_decide(
        application=application, amount_yen=500_000, decided_by=users["city_staff"]
    )
    report = report_submit(
        award=award,
        submitted_by=application.applicant,
        text="Twelve craft evenings.",
        figures=[],
        attachments=[SimpleUploadedFile("photos.pdf", PDF)],
    )
    attachment = report.attachments.get()
    url = reverse("tourism_grants:report_attachment_download", args=[attachment.pk])
    return PrivateFile(url, application.applicant, [users["city_staff"]])


PRIVATE_FILES = {
    "tourism-evidence": _private_tourism_evidence,
    "grant-document": _private_grant_document,
    "grant-report-attachment": _private_grant_report_attachment,
    "programme-document": _private_programme_document,
}


@pytest.mark.parametrize("kind", PRIVATE_FILES)
def test_private_files_only_reach_their_owner_and_reviewers(db, users, kind, folders):
    other_partner = UserFactory(email="other-partner@example.org")
    other_partner.organisations.add(OrganisationFactory(slug="elsewhere", status="published"))
    private = PRIVATE_FILES[kind](users, other_partner)
    anonymous = Client().get(private.url)
    assert anonymous.status_code in (302, 403, 404)
    if anonymous.status_code == 302:
        assert "login" in anonymous["Location"]
    for outsider in (users["plain_user"], other_partner, users["partner_member"]):
        assert _login(outsider).get(private.url).status_code in (403, 404), outsider
    for reader in (private.owner, *private.reviewers):
        response = _login(reader).get(private.url)
        assert response.status_code == 200, reader
        assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert not files_under(Path(settings.MEDIA_ROOT)), files_under(Path(settings.MEDIA_ROOT))
    assert files_under(Path(settings.TSUNAGU_PRIVATE_MEDIA_ROOT))


def test_private_file_fields_never_use_the_public_media_storage():
    """Each file field holding private uploads stores them outside MEDIA_ROOT."""
    from django.apps import apps
    from django.db.models import FileField

    private_models = {
        "tourism.Evidence",
        "tourism_grants.ApplicationDocument",
        "tourism_grants.ReportAttachment",
        "programmes.ApplicationDocument",
        "reports.ReportVersion",
    }
    for label in private_models:
        model = apps.get_model(label)
        for model_field in model._meta.get_fields():
            if isinstance(model_field, FileField):
                storage = model_field.storage
                location = Path(storage.location).resolve()
                assert Path(settings.MEDIA_ROOT).resolve() not in [location, *location.parents]
