"""`make bench-load`: a mixed workload against gunicorn + PostgreSQL + Redis, as in production.

Creates a throwaway PostgreSQL database (BENCH_DATABASE_URL), migrates it, loads the demo plus
bench fixtures (64 citizens, 40 events of 10 seats, an experience with 40 sessions of 6 seats),
flushes a dedicated Redis database (BENCH_REDIS_URL) and serves the site with gunicorn under
config.settings.production. Every client first logs in through the log-in form (outside the
measured window), then for --seconds picks operations at random, pausing 0.5–1.5 × --think
seconds (default 1) after each, as a person reading the page does:

  70 %  a public page, anonymously (home, dashboards, lists, details, maps, ...)
  20 %  an API read (/api/v1/...), anonymously
  10 %  a write as its logged-in user, as a browser does it: GET the form (CSRF token),
        POST it, follow the redirect: an event registration, an experience booking or a
        nature observation with a photo

Prints requests/s, p50/p95/p99 latency, error rate and 5xx count overall, per kind and per
URL pattern, then checks in the database that no event or session holds more than its
capacity and that every write the server acknowledged is stored. Exits non-zero when a target
fails: zero 5xx, p95 <= 250 ms, nothing oversold. A second phase (--saturation-seconds) runs
the same clients without pauses and reports how far the machine goes, without a target. The
database is dropped and the Redis database flushed afterwards (--keep-database keeps and reuses
the database between runs).
"""

# ruff: noqa: S311  (random choices of the workload, not cryptography)
import argparse
import http.client
import io
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from urllib.parse import quote, urlparse

ROOT = Path(__file__).resolve().parent.parent
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/tsunagu_bench_load"
)
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/11")
PORT = int(os.environ.get("BENCH_PORT", "8769"))
HOST = f"127.0.0.1:{PORT}"
TARGET_P95_MS = 250
USERS_PASSWORD = "bench-load-password-1"  # noqa: S105  (throwaway accounts of the bench)
EVENTS, EVENT_SEATS = 40, 10
SLOTS, SLOT_SEATS = 40, 6
SERVER_LOG = ROOT / "var" / "bench-load-server.log"
# Static files collected once and kept: whitenoise's compression of them takes a minute.
STATIC_ROOT = ROOT / "var" / "bench-load-static"

# The demo is loaded without a broker so that its follow-up tasks (scores) run inline.
PREPARE_ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DATABASE_URL": DATABASE_URL,
    "REDIS_URL": "",
    "SECRET_KEY": "bench-load-only-" + "x" * 50,
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SECURE_SSL_REDIRECT": "false",
    "STATIC_ROOT": str(STATIC_ROOT),
    # production.py takes the email backend from EMAIL_URL; emails stay in memory here.
    "EMAIL_URL": "memorymail://",
    "LOG_LEVEL": "WARNING",
}
SERVER_ENV = {**PREPARE_ENV, "REDIS_URL": REDIS_URL}


@dataclass
class Targets:
    """Concrete URLs of the public pages and API reads, grouped by URL pattern."""

    pages: dict[str, list[str]] = field(default_factory=dict)
    api: dict[str, list[str]] = field(default_factory=dict)
    events: list[int] = field(default_factory=list)
    experience: str = ""
    taxa: list[int] = field(default_factory=list)
    users: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- preparation


def run(*args: str, env: dict | None = None) -> None:
    subprocess.run(args, env=env or PREPARE_ENV, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)


def database_exists() -> bool:
    import psycopg

    parts = urlparse(DATABASE_URL)
    with psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True) as conn:
        found = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [parts.path.lstrip("/")]
        ).fetchone()
    return found is not None


def database_drop() -> None:
    import psycopg
    from psycopg import sql

    parts = urlparse(DATABASE_URL)
    with psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(parts.path.lstrip("/"))
            )
        )


def redis_flush() -> None:
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def database_prepare(reuse: bool) -> None:
    tsunagu = str(ROOT / ".venv/bin/tsunagu")
    if reuse and database_exists():
        print("  reusing the bench database (--keep-database)")
        run(tsunagu, "migrate", "-v", "0")
    else:
        run(sys.executable, str(ROOT / "scripts/pg_create_database.py"), DATABASE_URL)
        run(tsunagu, "migrate", "-v", "0")
        run(tsunagu, "load_demo")
    if os.environ.get("BENCH_SKIP_COLLECTSTATIC") != "1":
        run(tsunagu, "collectstatic", "--noinput", "-v", "0")


def django_setup() -> None:
    os.environ.update(PREPARE_ENV)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def fixtures_prepare(clients: int) -> Targets:
    """Bench users, events and sessions (earlier runs' writes removed), and the URLs to visit."""
    from django.contrib.auth.hashers import make_password
    from django.utils import timezone

    from tsunagu.accounts.models import User
    from tsunagu.crafts.models import Workshop
    from tsunagu.events.models import Event, EventKind, EventStatus
    from tsunagu.experiences.models import Booking, Experience, Slot
    from tsunagu.nature.models import Observation

    password = make_password(USERS_PASSWORD)  # one hash for all: hashing costs ~0.5 s each
    emails = [f"bench-load-{n}@example.org" for n in range(clients)]
    Observation.objects.filter(observer__email__startswith="bench-load-").delete()
    User.objects.filter(email__startswith="bench-load-").delete()
    User.objects.bulk_create(
        User(email=email, full_name=f"Bench visitor {n}", password=password)
        for n, email in enumerate(emails)
    )

    now = timezone.now().replace(minute=0, second=0, microsecond=0)
    Event.objects.filter(title_en__startswith="Bench load event").delete()
    events = Event.objects.bulk_create(
        Event(
            title_ja=f"負荷試験イベント {n}",
            title_en=f"Bench load event {n}",
            kind=EventKind.WORKSHOP,
            starts_at=now + timedelta(days=14, hours=n),
            ends_at=now + timedelta(days=14, hours=n + 2),
            place="Kanazawa",
            capacity=EVENT_SEATS,
            status=EventStatus.PUBLISHED,
        )
        for n in range(EVENTS)
    )

    workshop, _ = Workshop.objects.get_or_create(
        slug="bench-load-studio",
        defaults={"name_ja": "負荷試験工房", "name_en": "Bench load studio", "is_published": True},
    )
    experience, _ = Experience.objects.update_or_create(
        slug="bench-load",
        defaults={
            "workshop": workshop,
            "title_ja": "負荷試験体験",
            "title_en": "Bench load experience",
            "duration_minutes": 60,
            "price_per_person": 3000,
            "max_group_size": SLOT_SEATS,
            "languages": "ja,en",
            "free_cancellation_hours": 24,
            "is_published": True,
        },
    )
    Booking.objects.filter(slot__experience=experience).delete()
    experience.slots.all().delete()
    Slot.objects.bulk_create(
        Slot(
            experience=experience,
            start=now + timedelta(days=2, hours=n * 6),
            end=now + timedelta(days=2, hours=n * 6, minutes=60),
            capacity=SLOT_SEATS,
        )
        for n in range(SLOTS)
    )
    targets = public_targets()
    targets.events = [event.pk for event in events]
    targets.experience = experience.slug
    targets.users = emails
    return targets


def public_targets() -> Targets:
    """The public pages and API reads of the mix, with real ids and slugs from the demo."""
    from tsunagu.crafts.models import Craft, Workshop
    from tsunagu.events.models import Event, EventStatus
    from tsunagu.experiences.models import Experience
    from tsunagu.indicators.models import Indicator
    from tsunagu.nature.models import Observation, Taxon
    from tsunagu.partners.models import Partner
    from tsunagu.projects.models import Project

    def sample(rows, count: int = 8) -> list:
        """Up to `count` values of a one-column .values() query (warm_up drops the URLs that
        do not answer 200 anonymously)."""
        values = [next(iter(row.values())) for row in rows]
        return random.sample(values, min(count, len(values)))

    partners = sample(
        Partner.objects.filter(status__in=["approved", "active"]).values("organisation__slug")
    )
    projects = sample(Project.objects.filter(publication="published").values("slug"))
    events = sample(Event.objects.filter(status=EventStatus.PUBLISHED, is_demo=True).values("pk"))
    crafts = sample(Craft.objects.values("slug"))
    workshops = sample(Workshop.objects.filter(is_published=True).values("slug"))
    experiences = sample(Experience.objects.filter(is_published=True).values("slug"))
    observations = sample(Observation.objects.values("uuid"))
    taxa = list(Taxon.objects.values_list("pk", flat=True)[:50])
    indicators = sample(Indicator.objects.values("code"))
    pages = {
        "/": ["/", "/en/"],
        "/city/": ["/city/", "/en/city/"],
        "/indicators/": ["/indicators/", "/en/indicators/"],
        "/indicators/goals/<n>/": [f"/en/indicators/goals/{n}/" for n in (3, 4, 11, 15)],
        "/indicators/<code>/": [f"/en/indicators/{code}/" for code in indicators],
        "/partners/": ["/partners/", "/en/partners/"],
        "/partners/<slug>/": [f"/en/partners/{slug}/" for slug in partners],
        "/projects/": ["/projects/", "/en/projects/"],
        "/projects/<slug>/": [f"/en/projects/{slug}/" for slug in projects],
        "/events/": ["/events/", "/en/events/"],
        "/events/<id>/": [f"/en/events/{pk}/" for pk in events],
        "/nature/": ["/nature/", "/en/nature/"],
        "/nature/map/": ["/nature/map/", "/en/nature/map/"],
        "/nature/observations/": ["/nature/observations/", "/en/nature/observations/"],
        "/nature/observations/<uuid>/": [f"/en/nature/observations/{u}/" for u in observations],
        "/nature/taxa/": ["/nature/taxa/"],
        "/nature/campaigns/": ["/nature/campaigns/", "/en/nature/campaigns/"],
        "/crafts/": ["/crafts/", "/en/crafts/"],
        "/crafts/<slug>/": [f"/en/crafts/{slug}/" for slug in crafts],
        "/crafts/workshops/<slug>/": [f"/en/crafts/workshops/{slug}/" for slug in workshops],
        "/crafts/experiences/": ["/crafts/experiences/", "/en/crafts/experiences/"],
        "/crafts/experiences/<slug>/": [f"/en/crafts/experiences/{s}/" for s in experiences],
        "/network/": ["/network/", "/en/network/"],
        "/tourism/": ["/tourism/", "/en/tourism/"],
        "/tourism/register/": ["/tourism/register/", "/en/tourism/register/"],
        "/tourism/statistics/": ["/en/tourism/statistics/"],
        "/reports/": ["/reports/", "/en/reports/"],
        "/search/?q=": [f"/search/?q={quote(q)}" for q in ("工芸", "金沢", "kogei", "SDGs")],
    }
    api = {
        "goals": ["/api/v1/goals"],
        "indicators": ["/api/v1/indicators"],
        "statistics": ["/api/v1/statistics"],
        "projects": ["/api/v1/projects"],
        "search": [f"/api/v1/search?q={quote(q)}" for q in ("工芸", "kanazawa", "SDGs")],
        "open-data/partners": ["/api/v1/open-data/partners"],
        "open-data/events": ["/api/v1/open-data/events"],
        "nature/observations": ["/api/v1/nature/observations"],
        "nature/taxa/autocomplete": [
            f"/api/v1/nature/taxa/autocomplete?q={quote(q)}" for q in ("ホタル", "hotaru", "Ka")
        ],
        "nature/map/clusters": [
            f"/api/v1/nature/map/clusters?bbox={bbox}&zoom={zoom}"
            for bbox, zoom in (("136,36,137.5,37.5", 9), ("136.6,36.5,136.7,36.6", 14))
        ],
        "crafts/crafts": ["/api/v1/crafts/crafts"],
        "crafts/experiences/": ["/api/v1/crafts/experiences/"],
        "network/cities": ["/api/v1/network/cities"],
        "tourism/certificates": ["/api/v1/tourism/certificates"],
        "reports/": ["/api/v1/reports/"],
    }
    return Targets(
        pages={label: urls for label, urls in pages.items() if urls},
        api=api,
        taxa=taxa,
    )


def photo_jpeg() -> bytes:
    """A small photo for the observations (640×480 of noise: the server re-encodes it)."""
    from PIL import Image

    image = Image.effect_noise((640, 480), 60).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


# --------------------------------------------------------------------------- HTTP client

CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')
SLOT_OPTION = re.compile(rb'<option value="(\d+)"')


class Browser:
    """One keep-alive connection with a cookie jar; requests look like a browser's behind
    the TLS proxy (X-Forwarded-Proto/For), so production settings treat them as HTTPS.

    HTTP/1.1 is spoken over a plain socket rather than with http.client: the 64 clients share
    the server's two cores, and http.client's header parsing (the email package) cost more
    client CPU per request than a cached page costs the server."""

    def __init__(self) -> None:
        self.connection: socket.socket | None = None
        self.buffer = b""
        self.cookies: dict[str, str] = {}

    def close(self) -> None:
        if self.connection is not None:
            self.connection.close()
        self.connection, self.buffer = None, b""

    def request(
        self, method: str, path: str, body: bytes | None = None, content_type: str = ""
    ) -> tuple[int, str, bytes]:
        head = [
            f"{method} {path} HTTP/1.1",
            f"Host: {HOST}",
            "X-Forwarded-Proto: https",
            "X-Forwarded-For: 127.0.0.1",
        ]
        if self.cookies:
            head.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        if method == "POST":
            head += [
                f"Origin: https://{HOST}",
                f"Referer: https://{HOST}{path}",
                f"Content-Type: {content_type}",
                f"Content-Length: {len(body or b'')}",
            ]
        message = ("\r\n".join(head) + "\r\n\r\n").encode() + (body or b"")
        # gunicorn closes keep-alive connections after a few idle seconds; like a browser,
        # try once more on a new connection when a reused one turns out to be closed.
        for attempt in (1, 2):
            try:
                if self.connection is None:
                    self.connection = socket.create_connection(("127.0.0.1", PORT), timeout=60)
                    self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                self.connection.sendall(message)
                status, headers, content = self._response()
                break
            except (OSError, ValueError):
                self.close()
                if attempt == 2:
                    return 0, "", b""
        location = ""
        for name, value in headers:
            if name == "set-cookie":
                cookie, _, _ = value.partition(";")
                key, _, morsel = cookie.partition("=")
                self.cookies[key.strip()] = morsel.strip().strip('"')
            elif name == "location":
                location = value
            elif name == "connection" and value.lower() == "close":
                self.close()
        return status, location, content

    def _read(self) -> None:
        assert self.connection is not None
        chunk = self.connection.recv(65536)
        if not chunk:
            raise ConnectionResetError("closed by the server")
        self.buffer += chunk

    def _line(self) -> bytes:
        while b"\r\n" not in self.buffer:
            self._read()
        line, self.buffer = self.buffer.split(b"\r\n", 1)
        return line

    def _exactly(self, size: int) -> bytes:
        while len(self.buffer) < size:
            self._read()
        data, self.buffer = self.buffer[:size], self.buffer[size:]
        return data

    def _response(self) -> tuple[int, list[tuple[str, str]], bytes]:
        while b"\r\n\r\n" not in self.buffer:
            self._read()
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        status_line, *lines = head.decode("latin-1").split("\r\n")
        status = int(status_line.split(" ", 2)[1])
        headers = []
        for line in lines:
            name, _, value = line.partition(":")
            headers.append((name.strip().lower(), value.strip()))
        fields = dict(headers)
        if "content-length" in fields:
            return status, headers, self._exactly(int(fields["content-length"]))
        if fields.get("transfer-encoding", "").lower() == "chunked":
            parts = []
            while size := int(self._line().split(b";")[0], 16):
                parts.append(self._exactly(size))
                self._exactly(2)
            while self._line():  # trailers, up to the empty line
                pass
            return status, headers, b"".join(parts)
        if status in (204, 304) or 100 <= status < 200:
            return status, headers, b""
        while True:  # no length: the body runs to the end of the connection
            try:
                self._read()
            except ConnectionResetError:
                content, self.buffer = self.buffer, b""
                self.close()
                return status, headers, content


def multipart(fields: dict[str, str], files: dict[str, tuple[str, bytes]]) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(
            f"--{boundary}\r\nContent-Disposition: form-data; "
            f'name="{name}"\r\n\r\n{value}\r\n'.encode()
        )
    for name, (filename, content) in files.items():
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: image/jpeg\r\n\r\n'.encode()
            + content
            + b"\r\n"
        )
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


def form_encode(fields: dict[str, str]) -> bytes:
    return "&".join(f"{quote(k)}={quote(str(v))}" for k, v in fields.items()).encode()


@dataclass
class Result:
    kind: str  # page, api, write
    label: str  # the URL pattern
    seconds: float
    status: int
    ok: bool


@dataclass
class Outcomes:
    """What the server acknowledged (redirect after the POST) or refused (form shown again)."""

    stored: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    refused: dict[str, int] = field(default_factory=lambda: defaultdict(int))


class Client:
    """One simulated visitor: anonymous for reading, logged in as its own user for writing."""

    def __init__(self, targets: Targets, email: str, photo: bytes, record, outcomes) -> None:
        self.targets, self.email, self.photo = targets, email, photo
        self.anonymous, self.user = Browser(), Browser()
        self.rng = random.Random()
        self.registered: set[int] = set()
        self.record, self.outcomes = record, outcomes

    def timed(self, browser: Browser, kind: str, label: str, method: str, path: str, **kw):
        expected = kw.pop("expected", None) or {200}
        start = time.perf_counter()
        status, location, content = browser.request(method, path, **kw)
        elapsed = time.perf_counter() - start
        self.record(Result(kind, label, elapsed, status, status in expected))
        return status, location, content

    def log_in(self) -> bool:
        _, _, page = self.user.request("GET", "/en/accounts/login/")
        token = CSRF_INPUT.search(page)
        status, _, _ = self.user.request(
            "POST",
            "/en/accounts/login/",
            form_encode(
                {
                    "csrfmiddlewaretoken": token.group(1).decode() if token else "",
                    "username": self.email,
                    "password": USERS_PASSWORD,
                }
            ),
            "application/x-www-form-urlencoded",
        )
        return status == 302 and "sessionid" in self.user.cookies

    def step(self) -> None:
        draw = self.rng.random()
        if draw < 0.70:
            label = self.rng.choice(list(self.targets.pages))
            url = self.rng.choice(self.targets.pages[label])
            self.timed(self.anonymous, "page", label, "GET", url)
        elif draw < 0.90:
            label = self.rng.choice(list(self.targets.api))
            url = self.rng.choice(self.targets.api[label])
            self.timed(self.anonymous, "api", f"/api/v1/{label}", "GET", url)
        else:
            write = self.rng.choice((self.register, self.book, self.observe))
            write()

    def _form_post(self, label: str, form_url: str, fields: dict, files=None) -> None:
        """GET the form, POST it with its CSRF token, follow the redirect on success."""
        status, _, page = self.timed(self.user, "write", f"GET {label}", "GET", form_url)
        token = CSRF_INPUT.search(page)
        if status != 200 or token is None:
            return
        fields = {"csrfmiddlewaretoken": token.group(1).decode(), **fields(page)}
        if files:
            body, content_type = multipart(fields, files)
        else:
            body, content_type = form_encode(fields), "application/x-www-form-urlencoded"
        status, location, _ = self.timed(
            self.user,
            "write",
            f"POST {label}",
            "POST",
            form_url,
            body=body,
            content_type=content_type,
            expected={302, 200},
        )
        if status == 302:
            self.outcomes.stored[label] += 1
            self.timed(self.user, "write", f"GET {label} (after)", "GET", location)
        elif status == 200:
            self.outcomes.refused[label] += 1

    def register(self) -> None:
        left = [pk for pk in self.targets.events if pk not in self.registered]
        if not left:
            return self.book()
        event = self.rng.choice(left)
        self.registered.add(event)
        name = self.email.split("@")[0]
        self._form_post(
            "/events/<id>/ registration",
            f"/en/events/{event}/",
            lambda page: {"name": name, "email": self.email},
        )
        return None

    def book(self) -> None:
        def fields(page: bytes) -> dict:
            slots = SLOT_OPTION.findall(page)
            return {
                "slot": self.rng.choice(slots).decode() if slots else "",
                "participants": str(self.rng.randint(1, 2)),
                "language": "en",
                "name": self.email.split("@")[0],
                "email": self.email,
            }

        self._form_post(
            "/crafts/experiences/<slug>/ booking",
            f"/en/crafts/experiences/{self.targets.experience}/",
            fields,
        )

    def observe(self) -> None:
        fields = {
            "observed_at": "2026-05-01T19:30",
            "latitude": f"{36.56 + self.rng.random() * 0.04:.5f}",
            "longitude": f"{136.64 + self.rng.random() * 0.04:.5f}",
            "uncertainty_m": "30",
            "taxon": str(self.rng.choice(self.targets.taxa)) if self.targets.taxa else "",
            "count": "1",
            "life_stage": "",
            "is_cultivated": "false",
            "locality": "Kuratsuki canal",
            "notes": "bench",
            "licence": "CC-BY-4.0",
        }
        self._form_post(
            "/nature/observations/new/",
            "/en/nature/observations/new/",
            lambda page: fields,
            files={"photos": ("photo.jpg", self.photo)},
        )


# --------------------------------------------------------------------------- the run


def server_start(workers: int, threads: int) -> subprocess.Popen:
    SERVER_LOG.parent.mkdir(exist_ok=True)
    # The deployment's own gunicorn settings (deploy/gunicorn.conf.py), sized by environment.
    server = subprocess.Popen(
        [str(ROOT / ".venv/bin/gunicorn"), "config.wsgi", "--config", "deploy/gunicorn.conf.py"],
        env={
            **SERVER_ENV,
            "GUNICORN_BIND": HOST,
            "GUNICORN_WORKERS": str(workers),
            "GUNICORN_THREADS": str(threads),
            "GUNICORN_LOG_LEVEL": "warning",
        },
        cwd=ROOT,
        stdout=SERVER_LOG.open("w"),
        stderr=subprocess.STDOUT,
    )
    for _ in range(300):
        try:
            probe = http.client.HTTPConnection("127.0.0.1", PORT, timeout=2)
            probe.request("GET", "/healthz")
            if probe.getresponse().status == 200:
                return server
        except OSError:
            pass
        time.sleep(0.1)
    server.terminate()
    raise SystemExit(f"bench-load: gunicorn did not answer on {HOST}; see {SERVER_LOG}")


def warm_up(targets: Targets) -> None:
    """Every URL once, as a site that has been running would have its caches filled; URLs
    that do not answer 200 (an unpublished record) leave the mix."""
    browser = Browser()
    for group in (targets.pages, targets.api):
        for label, urls in list(group.items()):
            answering = []
            for url in urls:
                status, _, _ = browser.request("GET", url)
                if status == 200:
                    answering.append(url)
                else:
                    print(f"  warm-up: {url} answered {status}; left out")
            if answering:
                group[label] = answering
            else:
                del group[label]


def percentile(values: list[float], q: int) -> float:
    if len(values) < 2:
        return values[0] if values else 0.0
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


def summary(name: str, results: list[Result], elapsed: float | None = None) -> str:
    ms = [r.seconds * 1000 for r in results]
    failed = Counter(r.status for r in results if not r.ok)
    errors = sum(failed.values())
    server_errors = sum(1 for r in results if r.status >= 500)
    rate = f" {len(results) / elapsed:6.1f}/s" if elapsed else ""
    statuses = ", ".join(f"{n}× {status or 'no answer'}" for status, n in failed.items())
    return (
        f"{name:44} {len(results):6d}{rate}  p50 {percentile(ms, 50):6.1f}  "
        f"p95 {percentile(ms, 95):6.1f}  p99 {percentile(ms, 99):6.1f} ms  "
        f"errors {errors / max(len(results), 1):.2%}, 5xx {server_errors}"
        + (f" ({statuses})" if failed else "")
    )


def workload(
    targets: Targets, clients: int, seconds: float, think: float, outcomes: Outcomes | None = None
) -> tuple[list, Outcomes, float]:
    """Each client repeats: one operation, then a pause of 0.5–1.5 × `think` seconds (a person
    reading the page); think=0 is a closed loop that measures saturation instead."""
    results: list[Result] = []
    lock = threading.Lock()
    outcomes = outcomes or Outcomes()

    def record(result: Result) -> None:
        with lock:
            results.append(result)

    photo = photo_jpeg()
    visitors = [Client(targets, targets.users[n], photo, record, outcomes) for n in range(clients)]
    began = time.perf_counter()
    logged_in = threads_run([visitor.log_in for visitor in visitors], limit=8)
    took = time.perf_counter() - began
    print(f"  {sum(logged_in)} of {clients} clients logged in ({took:.1f} s, not measured)")
    if not all(logged_in):
        raise SystemExit("bench-load: some clients could not log in; see " + str(SERVER_LOG))

    stop = 0.0

    def loop(visitor: Client) -> None:
        while time.perf_counter() < stop:
            visitor.step()
            if think:
                time.sleep(
                    min(random.uniform(0.5, 1.5) * think, max(stop - time.perf_counter(), 0))
                )

    stop = time.perf_counter() + seconds
    began = time.perf_counter()
    threads_run([lambda v=visitor: loop(v) for visitor in visitors])
    return results, outcomes, time.perf_counter() - began


def threads_run(jobs: list, limit: int | None = None) -> list:
    """Run the callables on threads (at most `limit` at once); returns their results."""
    answers: list = [None] * len(jobs)
    pending = list(enumerate(jobs))
    lock = threading.Lock()

    def worker() -> None:
        while True:
            with lock:
                if not pending:
                    return
                n, job = pending.pop()
            answers[n] = job()

    threads = [threading.Thread(target=worker) for _ in range(min(limit or len(jobs), len(jobs)))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def capacity_check(targets: Targets, outcomes: Outcomes) -> list[str]:
    """Problems found in the database: oversold events and sessions, acknowledged writes that
    are not stored."""
    from django.db.models import Count, F, Q, Sum

    from tsunagu.events.models import Event, Registration, RegistrationStatus
    from tsunagu.experiences.models import Booking, BookingStatus, Slot
    from tsunagu.nature.models import Observation

    problems = []
    oversold_events = (
        Event.objects.filter(capacity__isnull=False)
        .annotate(
            confirmed=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED)
            )
        )
        .filter(confirmed__gt=F("capacity"))
    )
    problems += [
        f"event {e.pk}: {e.confirmed} seats taken of {e.capacity}" for e in oversold_events
    ]
    booked = dict(
        Booking.objects.filter(status=BookingStatus.CONFIRMED)
        .values_list("slot_id")
        .annotate(seats=Sum("participants"))
    )
    for slot in Slot.objects.filter(experience__slug=targets.experience):
        seats = booked.get(slot.pk, 0)
        if seats > slot.capacity or slot.seats_taken != seats:
            problems.append(
                f"session {slot.pk}: {seats} seats booked, {slot.seats_taken} counted, "
                f"capacity {slot.capacity}"
            )
    stored = {
        "/events/<id>/ registration": Registration.objects.filter(
            event_id__in=targets.events, user__email__in=targets.users
        ).count(),
        "/crafts/experiences/<slug>/ booking": Booking.objects.filter(
            slot__experience__slug=targets.experience, email__in=targets.users
        ).count(),
        "/nature/observations/new/": Observation.objects.filter(
            observer__email__in=targets.users
        ).count(),
    }
    for label, count in stored.items():
        acknowledged = outcomes.stored.get(label, 0)
        print(
            f"  {label:40} {acknowledged:5d} stored, {outcomes.refused.get(label, 0):4d} refused "
            f"(full or already registered); in the database: {count}"
        )
        if count != acknowledged:
            problems.append(f"{label}: {acknowledged} acknowledged but {count} in the database")
    seats = Registration.objects.filter(
        event_id__in=targets.events, status=RegistrationStatus.CONFIRMED
    ).count()
    slot_ids = Slot.objects.filter(experience__slug=targets.experience).values_list("pk", flat=True)
    print(
        f"  bench events: {seats} of {EVENTS * EVENT_SEATS} seats confirmed; bench sessions: "
        f"{sum(booked.get(pk, 0) for pk in slot_ids)} of {SLOTS * SLOT_SEATS} seats booked"
    )
    return problems


def report(results: list[Result], elapsed: float) -> tuple[float, int]:
    by_label: dict[str, list[Result]] = defaultdict(list)
    by_kind: dict[str, list[Result]] = defaultdict(list)
    for result in results:
        by_label[result.label].append(result)
        by_kind[result.kind].append(result)
    print("\nper URL pattern (slowest p95 first):")
    for label, rows in sorted(
        by_label.items(), key=lambda item: -percentile([r.seconds for r in item[1]], 95)
    ):
        print("  " + summary(label, rows))
    print("\nper kind:")
    for kind in ("page", "api", "write"):
        print("  " + summary(kind, by_kind[kind], elapsed))
    print()
    print("  " + summary("ALL", results, elapsed))
    ms = [r.seconds * 1000 for r in results]
    return percentile(ms, 95), sum(1 for r in results if r.status >= 500)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("BENCH_SECONDS", 60)))
    parser.add_argument("--clients", type=int, default=int(os.environ.get("BENCH_CLIENTS", 64)))
    parser.add_argument("--workers", type=int, default=int(os.environ.get("BENCH_WORKERS", 3)))
    parser.add_argument("--threads", type=int, default=int(os.environ.get("BENCH_THREADS", 8)))
    parser.add_argument(
        "--think",
        type=float,
        default=float(os.environ.get("BENCH_THINK", 1.0)),
        help="mean pause in seconds between one client's operations (0: closed loop)",
    )
    parser.add_argument(
        "--saturation-seconds",
        type=float,
        default=float(os.environ.get("BENCH_SATURATION_SECONDS", 30)),
        help="then run the same clients without pauses for this long and report it (no target)",
    )
    parser.add_argument(
        "--keep-database", action="store_true", help="keep the database (and reuse it next time)"
    )
    args = parser.parse_args()

    print(f"bench-load: preparing {DATABASE_URL} (demo + bench fixtures)")
    database_prepare(reuse=args.keep_database)
    django_setup()
    targets = fixtures_prepare(args.clients)
    redis_flush()
    server = server_start(args.workers, args.threads)
    try:
        warm_up(targets)
        print(
            f"bench-load: {args.clients} clients for {args.seconds:.0f} s against gunicorn "
            f"({args.workers} workers × {args.threads} threads), PostgreSQL, Redis {REDIS_URL}; "
            f"each client pauses {args.think:.1f} s on average between operations"
        )
        results, outcomes, elapsed = workload(targets, args.clients, args.seconds, args.think)
        saturation = None
        if args.saturation_seconds:
            print(
                "bench-load: saturation, the same clients without pauses for "
                f"{args.saturation_seconds:.0f} s"
            )
            saturation = workload(targets, args.clients, args.saturation_seconds, 0.0, outcomes)
    finally:
        server.terminate()
        server.wait()
    if saturation:
        print("\nsaturation (no pauses; how far the machine goes, not a target):")
        saturation_results, _, saturation_elapsed = saturation
        print("  " + summary("all", saturation_results, saturation_elapsed))
        for kind in ("page", "api", "write"):
            print(
                "  "
                + summary(
                    kind, [r for r in saturation_results if r.kind == kind], saturation_elapsed
                )
            )
        print("\nmeasured run (the targets):")
    p95, server_errors = report(results, elapsed)
    server_errors += sum(1 for r in (saturation[0] if saturation else []) if r.status >= 500)
    print("\ndatabase checks:")
    problems = capacity_check(targets, outcomes)
    for problem in problems:
        print(f"  PROBLEM: {problem}")
    redis_flush()
    if not args.keep_database:
        from django.db import connections

        connections.close_all()
        database_drop()
    failures = []
    if server_errors:
        failures.append(f"{server_errors} responses were 5xx (target 0)")
    if p95 > TARGET_P95_MS:
        failures.append(f"p95 {p95:.0f} ms > {TARGET_P95_MS} ms")
    if problems:
        failures.append(f"{len(problems)} capacity or storage problems")
    print(f"\nbench-load: {'FAIL: ' + '; '.join(failures) if failures else 'all targets met'}")
    print(f"server log: {SERVER_LOG}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
