"""`make bench-bookings`: booking throughput and latency of the experiences API.

In PostgreSQL ($BENCH_DATABASE_URL, created if missing) sets up one bench experience with
many sessions of 8 seats, serves the site with gunicorn on loopback, and lets 50 concurrent
clients book one seat each at random sessions through POST /api/v1/crafts/experiences/bookings
(guests, so each request is a full booking: checks, the conditional seat UPDATE, the insert,
the confirmation email rendered with its .ics). Prints bookings/s and p50/p95 latency, then
checks in the database that no session holds more bookings than seats (target >= 200/s).
A second, contended phase sends 1,000 requests at 20 sessions to prove the same under
contention. BENCH_WORKERS/BENCH_THREADS/BENCH_REQUESTS tune the run.
"""

# ruff: noqa: S311  (random session choice, not cryptography)
import http.client
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import threading
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/tsunagu_bench_bookings"
)
PORT = int(os.environ.get("BENCH_PORT", "8767"))
CLIENTS = 50
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "5000"))
SLOTS, SEATS = 820, 8  # 800 × 8 seats: most requests find a seat, some a full session
# Then every client at once on 20 sessions (160 seats) that fill within the first second.
HOT_SLOTS, HOT_REQUESTS = 20, 1000
TARGET_PER_SECOND = 200
PATH = "/api/v1/crafts/experiences/bookings"
ENV = {
    **os.environ,
    "DATABASE_URL": DATABASE_URL,
    "DJANGO_SETTINGS_MODULE": "config.settings.local",
    "DEBUG": "False",
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
    "LOG_LEVEL": "ERROR",
}
# The server keeps its database connections between requests (a deployment does the same:
# CONN_MAX_AGE, or psycopg's pool); without it each request would open a new PostgreSQL
# backend, which costs more than the booking itself.
SERVER_LOG = ROOT / "var" / "bench-bookings-server.log"
SERVER_ENV = {**ENV, "DATABASE_URL": f"{DATABASE_URL}?conn_max_age=600"}


def database_prepare() -> None:
    import psycopg

    parts = urlparse(DATABASE_URL)
    name = parts.path.lstrip("/")
    with psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    if not exists:
        subprocess.run(
            [sys.executable, str(ROOT / "scripts/pg_create_database.py"), DATABASE_URL], check=True
        )
    subprocess.run([str(ROOT / ".venv/bin/tsunagu"), "migrate", "-v", "0"], env=ENV, check=True)


def django_setup() -> None:
    os.environ.update(ENV)
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def slots_prepare() -> list[int]:
    """A fresh bench experience with SLOTS future sessions (earlier bench runs removed)."""
    from django.utils import timezone

    from tsunagu.crafts.models import Workshop
    from tsunagu.experiences.models import Booking, Experience, Slot

    workshop, _ = Workshop.objects.get_or_create(
        slug="bench-bookings-studio",
        defaults={"name_ja": "ベンチ工房", "name_en": "Bench studio", "is_published": True},
    )
    experience, _ = Experience.objects.update_or_create(
        slug="bench-bookings",
        defaults={
            "workshop": workshop,
            "title_ja": "ベンチ体験",
            "title_en": "Bench experience",
            "duration_minutes": 60,
            "price_per_person": 3000,
            "max_group_size": SEATS,
            "languages": "ja,en",
            "free_cancellation_hours": 24,
            "is_published": True,
        },
    )
    Booking.objects.filter(slot__experience=experience).delete()
    experience.slots.all().delete()
    first = timezone.now().replace(minute=0, second=0, microsecond=0) + timedelta(days=2)
    Slot.objects.bulk_create(
        Slot(
            experience=experience,
            start=first + timedelta(hours=n),
            end=first + timedelta(hours=n, minutes=60),
            capacity=SEATS,
        )
        for n in range(SLOTS)
    )
    return list(experience.slots.values_list("pk", flat=True))


def client(slot_ids: list[int], jobs: list[int], lock, results: list) -> None:
    rng = random.Random()
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
    while True:
        with lock:
            if not jobs:
                break
            n = jobs.pop()
        body = json.dumps(
            {
                "slot": rng.choice(slot_ids),
                "participants": 1,
                "language": "en",
                "name": f"Bench visitor {n}",
                "email": f"bench{n}@example.org",
            }
        )
        start = time.perf_counter()
        try:
            connection.request("POST", PATH, body, {"Content-Type": "application/json"})
            response = connection.getresponse()
            response.read()
            status = response.status
        except (OSError, http.client.HTTPException):
            connection.close()
            connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=60)
            status = 0
        results.append((time.perf_counter() - start, status))
    connection.close()


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def percentile(values: list[float], q: int) -> float:
    return statistics.quantiles(values, n=100)[q - 1]


def verify(slot_ids: list[int]) -> tuple[int, int, int]:
    """Returns (oversold sessions, inconsistent sessions, confirmed bookings) from the DB."""
    from django.db.models import F, Sum

    from tsunagu.experiences.models import Booking, Slot

    booked = dict(
        Booking.objects.filter(slot_id__in=slot_ids, status="confirmed")
        .values_list("slot_id")
        .annotate(seats=Sum("participants"))
    )
    slots = Slot.objects.filter(pk__in=slot_ids)
    oversold = sum(1 for slot_id, seats in booked.items() if seats > SEATS)
    oversold += slots.filter(seats_taken__gt=F("capacity")).count()
    inconsistent = sum(1 for s in slots if s.seats_taken != booked.get(s.pk, 0))
    return oversold, inconsistent, sum(booked.values())


def server_start() -> subprocess.Popen:
    SERVER_LOG.parent.mkdir(exist_ok=True)
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "config.wsgi",
            "-b",
            f"127.0.0.1:{PORT}",
            "-k",
            "gthread",
            "-w",
            os.environ.get("BENCH_WORKERS", "2"),
            "--threads",
            os.environ.get("BENCH_THREADS", "4"),
            "--log-level",
            "warning",
        ],
        env=SERVER_ENV,
        cwd=ROOT,
        stderr=SERVER_LOG.open("w"),  # 409s for full sessions are logged as warnings
    )
    for _ in range(200):
        try:
            probe = http.client.HTTPConnection("127.0.0.1", PORT, timeout=1)
            probe.request("GET", "/api/v1/crafts/experiences/")
            probe.getresponse().read()
            break
        except OSError:
            time.sleep(0.1)
    return server


def phase(name: str, slot_ids: list[int], requests: int) -> tuple[float, bool]:
    """Fire `requests` bookings from CLIENTS threads at random sessions among slot_ids;
    print the figures and the database check. Returns (bookings/s, consistent)."""
    jobs, lock, results = list(range(requests)), threading.Lock(), []
    threads = [
        threading.Thread(target=client, args=(slot_ids, jobs, lock, results))
        for _ in range(CLIENTS)
    ]
    began, client_cpu = time.perf_counter(), _cpu_seconds()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - began
    client_cpu = _cpu_seconds() - client_cpu
    booked = sum(1 for _, status in results if status == 201)
    full = sum(1 for _, status in results if status == 409)
    errors = len(results) - booked - full
    every = [t * 1000 for t, _ in results]
    oversold, inconsistent, confirmed = verify(slot_ids)
    rate = booked / elapsed
    print(
        f"{name}: {CLIENTS} clients, {len(slot_ids)} sessions of {SEATS} seats, "
        f"{len(results)} requests in {elapsed:.1f} s: {booked} booked, "
        f"{full} refused (session full), {errors} errors"
    )
    print(f"  {rate:.0f} bookings/s, {len(results) / elapsed:.0f} requests/s")
    print(
        f"  latency: p50 {percentile(every, 50):.1f} ms, p95 {percentile(every, 95):.1f} ms, "
        f"p99 {percentile(every, 99):.1f} ms (clients used {client_cpu:.1f} CPU-s)"
    )
    print(
        f"  database: {confirmed} seats in confirmed bookings, {oversold} oversold sessions, "
        f"{inconsistent} sessions whose seat count disagrees with their bookings"
    )
    consistent = not oversold and not inconsistent and not errors and confirmed == booked
    return rate, consistent


def main() -> int:
    database_prepare()
    django_setup()
    slot_ids = slots_prepare()
    spread, hot = slot_ids[HOT_SLOTS:], slot_ids[:HOT_SLOTS]
    server = server_start()
    try:
        rate, spread_ok = phase("spread", spread, REQUESTS)
        _, hot_ok = phase("contended", hot, HOT_REQUESTS)
    finally:
        server.terminate()
        server.wait()
    print(f"throughput {rate:.0f} bookings/s (target >= {TARGET_PER_SECOND}/s); log: {SERVER_LOG}")
    return 0 if spread_ok and hot_ok and rate >= TARGET_PER_SECOND else 1


if __name__ == "__main__":
    sys.exit(main())
