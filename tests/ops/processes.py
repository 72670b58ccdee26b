"""Running Tsunagu as production runs it: `tsunagu` commands, gunicorn and Celery workers.

Every process is a real subprocess with its own environment (tests/ops/settings.py, which is
config.settings.production with plain static files), talking to the throwaway PostgreSQL and
Redis of the test. HttpClient speaks to the servers as the reverse proxy would (HTTPS
announced by X-Forwarded-Proto) and keeps its cookies itself, so one session can move from
one server to another.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import re
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
SETTINGS_MODULE = "tests.ops.settings"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Installation:
    """One deployment: its database, Redis and media directories (shared by all processes)."""

    root: Path
    database_url: str
    redis_url: str = ""

    def environment(self) -> dict[str, str]:
        environment = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "DATABASE_", "CELERY_", "REDIS_", "TOURISM_"))
        }
        environment.update(
            DJANGO_SETTINGS_MODULE=SETTINGS_MODULE,
            SECRET_KEY="ops-tests-secret-key-not-for-production-0123456789abcdef",
            ALLOWED_HOSTS="127.0.0.1,localhost",
            SECURE_SSL_REDIRECT="false",
            DATABASE_URL=self.database_url,
            REDIS_URL=self.redis_url,
            CELERY_BROKER_URL=self.redis_url,
            MEDIA_ROOT=str(self.root / "media"),
            TSUNAGU_PRIVATE_MEDIA_ROOT=str(self.root / "private-media"),
            STATIC_ROOT=str(self.root / "static"),
            TSUNAGU_DEMO_STATISTICS="false",
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
            LOG_LEVEL="WARNING",
            PYTHONUNBUFFERED="1",
            # tests.ops.settings must import from entry-point scripts too.
            PYTHONPATH=str(ROOT),
        )
        return environment

    def manage(self, *arguments: str, extra_env: dict[str, str] | None = None) -> str:
        """`tsunagu ARGUMENTS` against this installation; its output, or an error with it."""
        result = subprocess.run(
            [str(BIN / "tsunagu"), *arguments],
            cwd=ROOT,
            env={**self.environment(), **(extra_env or {})},
            capture_output=True,
            text=True,
            timeout=600,
        )
        if result.returncode:
            raise RuntimeError(f"tsunagu {' '.join(arguments)} failed:\n{result.stderr[-3000:]}")
        return result.stdout


@dataclass
class Process:
    """A long-running subprocess in its own process group, logging to a file."""

    name: str
    command: list[str]
    installation: Installation
    log: Path = field(init=False)
    _process: subprocess.Popen | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.log = self.installation.root / f"{self.name}.log"

    def spawn(self) -> None:
        with self.log.open("ab") as log:
            self._process = subprocess.Popen(
                self.command,
                cwd=ROOT,
                env=self.installation.environment(),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process is not None else None

    def check_alive(self) -> None:
        if not self.running:
            raise RuntimeError(f"{self.name} exited:\n{self.log_text()[-3000:]}")

    def log_text(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def kill(self) -> None:
        """SIGKILL the whole process group: no clean-up, no goodbye, as a crash would."""
        if self._process is None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self._process.pid, signal.SIGKILL)
        self._process.wait(timeout=30)
        self._process = None

    def stop(self) -> None:
        if not self.running:
            self._process = None
            return
        os.killpg(self._process.pid, signal.SIGTERM)
        try:
            self._process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.kill()
        self._process = None


class Server(Process):
    """gunicorn serving config.wsgi on a free loopback port."""

    def __init__(self, name: str, installation: Installation, workers: int = 2) -> None:
        self.port = free_port()
        super().__init__(
            name,
            [
                str(BIN / "gunicorn"), "config.wsgi:application",
                "--bind", f"127.0.0.1:{self.port}",
                "--workers", str(workers), "--threads", "4",
                "--timeout", "60", "--graceful-timeout", "5",
                # One control socket per machine by default: two servers would share it.
                "--no-control-socket",
            ],
            installation,
        )  # fmt: skip

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 60) -> None:
        self.spawn()
        deadline = time.monotonic() + timeout
        while True:
            self.check_alive()
            try:
                if HttpClient(self).get("/healthz", timeout=5).status == 200:
                    return
            except OSError:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"{self.name} did not answer:\n{self.log_text()[-3000:]}")
            time.sleep(0.2)


class Worker(Process):
    """A Celery worker (prefork, one child by default) consuming the installation's broker."""

    def __init__(self, name: str, installation: Installation, concurrency: int = 1) -> None:
        super().__init__(
            name,
            [
                str(BIN / "celery"), "-A", "config.celery_app", "worker",
                "--loglevel", "INFO", "--concurrency", str(concurrency),
                "--hostname", f"{name}@%h", "--without-gossip", "--without-mingle",
            ],
            installation,
        )  # fmt: skip

    def start(self, timeout: float = 60) -> None:
        offset = len(self.log_text())
        self.spawn()
        deadline = time.monotonic() + timeout
        while not re.search(r"\bready\.", self.log_text()[offset:]):
            self.check_alive()
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"{self.name} did not start:\n{self.log_text()[-3000:]}")
            time.sleep(0.2)

    def wait_for_log(self, pattern: str, timeout: float = 60) -> re.Match:
        deadline = time.monotonic() + timeout
        while True:
            match = re.search(pattern, self.log_text())
            if match:
                return match
            self.check_alive()
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self.name}: no {pattern!r} in:\n{self.log_text()[-3000:]}")
            time.sleep(0.1)


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    @property
    def location(self) -> str:
        return self.headers.get("location", "")


CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class HttpClient:
    """A browser-like client for one server at a time; `cookies` may be handed to another."""

    def __init__(self, server: Server, cookies: dict[str, str] | None = None) -> None:
        self.server = server
        self.cookies = cookies if cookies is not None else {}

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        timeout: float = 30,
    ) -> Response:
        host = f"127.0.0.1:{self.server.port}"
        all_headers = {
            "Host": host,
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": "127.0.0.1",
            "Accept-Language": "en",
            **(headers or {}),
        }
        if method != "GET":
            all_headers.setdefault("Origin", f"https://{host}")
            all_headers.setdefault("Referer", f"https://{host}{path}")
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=timeout)
        try:
            connection.request(method, path, body=body, headers=all_headers)
            raw = connection.getresponse()
            response = Response(raw.status, {k.lower(): v for k, v in raw.getheaders()}, raw.read())
            for header in raw.headers.get_all("Set-Cookie") or []:
                name, _, rest = header.partition("=")
                value = rest.split(";", 1)[0]
                if "max-age=0" in header.lower() or not value.strip('"'):
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = value
            return response
        finally:
            connection.close()

    def get(self, path: str, **options) -> Response:
        return self.request("GET", path, **options)

    def post_form(self, path: str, data: dict[str, str], **options) -> Response:
        """POST a form with the CSRF token the page at `path` (or `form_page`) handed out."""
        form_page = options.pop("form_page", path)
        page = self.get(form_page)
        token = CSRF_FIELD.search(page.text)
        fields = {**data, "csrfmiddlewaretoken": token.group(1) if token else ""}
        return self.request(
            "POST",
            path,
            urlencode(fields).encode(),
            {"Content-Type": "application/x-www-form-urlencoded"},
            **options,
        )

    def post_multipart(
        self, path: str, fields: dict[str, str], files: dict[str, tuple[str, bytes]], **options
    ) -> Response:
        form_page = options.pop("form_page", path)
        token = CSRF_FIELD.search(self.get(form_page).text)
        fields = {**fields, "csrfmiddlewaretoken": token.group(1) if token else ""}
        boundary = "tsunagu-ops-boundary"
        parts = [
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
            f"{value}\r\n".encode()
            for name, value in fields.items()
        ]
        for name, (file_name, content) in files.items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{file_name}"\r\nContent-Type: application/octet-stream\r\n\r\n'.encode()
                + content
                + b"\r\n"
            )
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.request(
            "POST",
            path,
            body,
            {"Content-Type": f"multipart/form-data; boundary={boundary}"},
            **options,
        )

    def post_json(self, path: str, payload: str, **options) -> Response:
        return self.request(
            "POST", path, payload.encode(), {"Content-Type": "application/json"}, **options
        )

    def log_in(self, email: str, password: str) -> None:
        response = self.post_form("/en/accounts/login/", {"username": email, "password": password})
        if response.status != 302:
            raise AssertionError(f"log-in as {email} failed: {response.status}")
