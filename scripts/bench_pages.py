"""`make bench-pages`: the dashboards and the scores API under 16 concurrent clients for 20 s.

Builds a PostgreSQL database with the real SSDSE data, serves it with gunicorn on loopback
(production settings, static files collected) and drives it from a second process with
keep-alive HTTP clients. Prints p50/p95/p99 latency and requests/s; target p95 <= 100 ms.
"""

import http.client
import os
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(os.environ.get("TSUNAGU_DATA_DIR", ROOT.parent / "shared" / "data"))
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/tsunagu_bench_pages"
)
PORT = int(os.environ.get("BENCH_PORT", "8123"))
CLIENTS, SECONDS = 16, 20.0
URLS = [
    "/en/indicators/",
    "/en/indicators/goals/3/",
    "/en/indicators/T03-01/",
    "/api/v1/areas/17201/scores",
]
ENV = {
    **os.environ,
    "DATABASE_URL": DATABASE_URL,
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "bench-only-" + "x" * 50,
    "ALLOWED_HOSTS": "127.0.0.1",
    "SECURE_SSL_REDIRECT": "False",
    "TSUNAGU_DATA_DIR": str(DATA),
}


def tsunagu(*args: str) -> None:
    subprocess.run(
        [str(ROOT / ".venv/bin/tsunagu"), *args], env=ENV, check=True, stdout=subprocess.DEVNULL
    )


def prepare() -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "scripts/pg_create_database.py"), DATABASE_URL],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    tsunagu("migrate", "-v", "0")
    tsunagu("collectstatic", "--noinput", "-v", "0")
    tsunagu("load_demo")  # imports SSDSE, boundaries and the indicator set when data is present


def client(results: list[tuple[str, float, int]], stop: float, offset: int) -> None:
    connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=10)
    i = offset
    while time.perf_counter() < stop:
        url = URLS[i % len(URLS)]
        i += 1
        start = time.perf_counter()
        connection.request("GET", url, headers={"X-Forwarded-Proto": "https"})
        response = connection.getresponse()
        response.read()
        results.append((url, time.perf_counter() - start, response.status))


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1] if len(values) > 1 else values[0]


def main() -> int:
    if not (DATA / "ssdse").is_dir():
        print(f"bench-pages: SSDSE data not found under {DATA} (see README, Data)")
        return 1
    prepare()
    server = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "config.wsgi",
            "-b",
            f"127.0.0.1:{PORT}",
            "-w",
            "3",
            "--log-level",
            "warning",
        ],
        env=ENV,
        cwd=ROOT,
    )
    try:
        for _ in range(100):
            try:
                http.client.HTTPConnection("127.0.0.1", PORT, timeout=1).request("GET", "/healthz")
                break
            except OSError:
                time.sleep(0.1)
        for url in URLS:  # first (uncached) render; fail loudly on a broken page
            connection = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
            start = time.perf_counter()
            connection.request("GET", url, headers={"X-Forwarded-Proto": "https"})
            response = connection.getresponse()
            response.read()
            print(f"  first render {url:32} {(time.perf_counter() - start) * 1000:7.1f} ms")
            if response.status != 200:
                print(f"bench-pages: {url} answered {response.status}")
                return 1
        results: list[tuple[str, float, int]] = []
        stop = time.perf_counter() + SECONDS
        threads = [threading.Thread(target=client, args=(results, stop, n)) for n in range(CLIENTS)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        server.terminate()
        server.wait()
    errors = sum(1 for _, _, status in results if status != 200)
    print(
        f"{CLIENTS} clients, {SECONDS:.0f} s, {len(results)} requests, {errors} errors, "
        f"{len(results) / SECONDS:.0f} requests/s"
    )
    for url in [*URLS, "all"]:
        times = [t * 1000 for u, t, _ in results if url in ("all", u)]
        print(
            f"  {url:32} p50 {percentile(times, 50):6.1f} ms  p95 {percentile(times, 95):6.1f} ms"
            f"  p99 {percentile(times, 99):6.1f} ms  (n={len(times)})"
        )
    print("target: p95 <= 100 ms")
    return 0 if errors == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
