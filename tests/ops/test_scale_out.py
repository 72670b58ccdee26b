"""Two app servers and two Celery workers on one PostgreSQL and one Redis behave like one site.

Two gunicorn processes on different ports and two workers share the throwaway database,
Redis (cache, sessions, broker) and media directories, as several machines behind a load
balancer would. A visitor's session moves between servers; bookings through both servers
never oversell a session; an import and a report started on one server are done by a worker
and seen, and downloaded, through the other.
"""

import json
import re
import time
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest
from redis import Redis

from tests.ops.conftest import ADMIN_EMAIL, ADMIN_PASSWORD
from tests.ops.processes import HttpClient, Server, Worker

pytestmark = pytest.mark.ops

UPLOAD = "/admin/indicators/importrun/upload/"
CONFIRM = "/admin/indicators/importrun/upload/confirm/"
RUNS = "/admin/indicators/importrun/"
TOKEN = re.compile(r'name="token" value="([^"]+)"')
BOOKINGS = "/api/v1/crafts/experiences/bookings"


@pytest.fixture(scope="module")
def site(installation_create, redis):
    installation = installation_create("scale_out", redis.url)
    processes = [
        Server("web-a", installation, workers=1),
        Server("web-b", installation, workers=1),
        Worker("worker-1", installation),
        Worker("worker-2", installation),
    ]
    try:
        for process in processes:
            process.start()
        yield installation, processes[0], processes[1]
    finally:
        for process in processes:
            process.stop()


def _query(installation, sql: str, *params) -> list[tuple]:
    with psycopg.connect(installation.database_url) as connection:
        return connection.execute(sql, params).fetchall()


def _execute(installation, sql: str, *params) -> None:
    with psycopg.connect(installation.database_url) as connection:
        connection.execute(sql, params)


def _wait_for(condition, timeout: float = 90, message: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, message
        time.sleep(0.3)


def test_a_session_started_on_one_server_continues_on_the_other(site):
    _installation, server_a, server_b = site
    on_a = HttpClient(server_a)
    on_a.log_in(ADMIN_EMAIL, ADMIN_PASSWORD)
    on_b = HttpClient(server_b, cookies=on_a.cookies)
    page = on_b.get("/admin/")
    assert page.status == 200
    assert ADMIN_EMAIL in page.text

    logged_out = on_b.post_form("/admin/logout/", {}, form_page="/admin/")
    assert logged_out.status in (200, 302)
    assert HttpClient(server_a, cookies=on_b.cookies).get("/admin/").status == 302


def test_bookings_through_both_servers_never_oversell_a_session(site):
    installation, server_a, server_b = site
    experiences = json.loads(HttpClient(server_a).get("/api/v1/crafts/experiences/").body)
    experience = experiences[0]
    slots = json.loads(
        HttpClient(server_b).get(f"/api/v1/crafts/experiences/{experience['slug']}/slots").body
    )
    slot = next(s for s in slots if s["seats_free"] >= 2)
    seats = slot["seats_free"]
    language = experience["languages"][0]

    def book(n: int) -> int:
        client = HttpClient((server_a, server_b)[n % 2])
        payload = {
            "slot": slot["id"],
            "participants": 1,
            "language": language,
            "name": f"Scale-out visitor {n}",
            "email": f"visitor{n}@example.org",
        }
        return client.post_json(BOOKINGS, json.dumps(payload)).status

    with ThreadPoolExecutor(max_workers=16) as pool:
        statuses = list(pool.map(book, range(seats * 3)))

    assert set(statuses) <= {200, 201, 409}, statuses
    assert sum(status in (200, 201) for status in statuses) == seats
    capacity, booked = _query(
        installation,
        "SELECT s.capacity, (SELECT coalesce(sum(b.participants), 0) FROM experiences_booking b "
        "WHERE b.slot_id = s.id AND b.status = 'confirmed') FROM experiences_slot s "
        "WHERE s.id = %s",
        slot["id"],
    )[0]
    assert booked <= capacity
    after = json.loads(
        HttpClient(server_a).get(f"/api/v1/crafts/experiences/{experience['slug']}/slots").body
    )
    assert all(s["id"] != slot["id"] or s["seats_free"] == 0 for s in after)


def test_an_import_started_on_one_server_is_done_by_a_worker_and_seen_on_the_other(site):
    _installation, server_a, server_b = site
    on_a = HttpClient(server_a)
    on_a.log_in(ADMIN_EMAIL, ADMIN_PASSWORD)
    content = (
        "statistic,area,year,value,statistic_name_ja,unit\r\n"
        "OPS1,17201,2023,10,運用試験,人\r\nOPS1,17201,2024,12,運用試験,人\r\n"
    ).encode()
    preview = on_a.post_multipart(
        UPLOAD,
        {"edition": "scale-out test", "credit_ja": "", "credit_en": "", "dry_run": "on"},
        {"file": ("scale-out.csv", content)},
    )
    token = TOKEN.search(preview.text).group(1)
    queued = on_a.post_form(CONFIRM, {"token": token}, form_page=UPLOAD)
    assert queued.status == 302

    on_b = HttpClient(server_b)
    on_b.log_in(ADMIN_EMAIL, ADMIN_PASSWORD)
    _wait_for(
        lambda: "scale-out.csv" in on_b.get(RUNS).text,
        message="the import never appeared on the other server",
    )
    statistic = on_b.get("/admin/indicators/statistic/?q=OPS1")
    assert "OPS1" in statistic.text


def test_a_report_generated_through_one_server_downloads_from_the_other(site):
    installation, server_a, server_b = site
    slug = _query(
        installation,
        "SELECT r.slug FROM reports_report r JOIN reports_section s ON s.report_id = r.id "
        "GROUP BY r.id, r.slug ORDER BY count(*), r.id LIMIT 1",
    )[0][0]
    on_a = HttpClient(server_a)
    on_a.log_in(ADMIN_EMAIL, ADMIN_PASSWORD)
    builder = f"/en/reports/builder/{slug}/"
    started = on_a.post_form(f"{builder}act/", {"action": "generate"}, form_page=builder)
    assert started.status == 302
    number = _query(
        installation,
        "SELECT max(v.number) FROM reports_reportversion v JOIN reports_report r "
        "ON r.id = v.report_id WHERE r.slug = %s",
        slug,
    )[0][0]

    on_b = HttpClient(server_b, cookies=on_a.cookies)
    progress = f"{builder}versions/{number}/"
    _wait_for(
        lambda: f"v{number}-pdf-" in on_b.get(progress).text,
        timeout=180,
        message=f"version {number} of {slug} was never generated",
    )
    language = re.search(rf"v{number}-pdf-(\w+)", on_b.get(progress).text).group(1)
    pdf = on_b.get(f"/en/reports/{slug}/{language}.pdf?version={number}")
    assert pdf.status == 200
    assert pdf.body.startswith(b"%PDF")


def test_a_change_through_one_server_shows_at_once_on_the_others_cached_page(site, redis):
    installation, server_a, server_b = site
    slug, name = next(
        (slug, name)
        for slug, name in _query(
            installation,
            "SELECT o.slug, o.name_en FROM partners_partner p JOIN accounts_organisation o "
            "ON o.id = p.organisation_id WHERE p.status = 'active' ORDER BY o.slug",
        )
        if re.fullmatch(r"[A-Za-z0-9 ]+", name or "")
    )
    # An application waiting for review (written behind the site's back, so the cache is
    # emptied after it).
    _execute(
        installation,
        "UPDATE partners_partner SET status = 'applied' WHERE organisation_id = "
        "(SELECT id FROM accounts_organisation WHERE slug = %s)",
        slug,
    )
    _execute(
        installation, "UPDATE accounts_organisation SET status = 'draft' WHERE slug = %s", slug
    )
    redis_client = Redis.from_url(redis.url)
    redis_client.flushdb()
    visitor_on_b = HttpClient(server_b)
    assert name not in visitor_on_b.get("/en/partners/").text
    assert any(b"partners" in key for key in redis_client.keys("*")), "the list is not cached"

    staff_on_a = HttpClient(server_a)
    staff_on_a.log_in(ADMIN_EMAIL, ADMIN_PASSWORD)
    review = f"/en/partners/{slug}/review/"
    approved = staff_on_a.post_form(review, {"decision": "approve", "reason": ""})
    assert approved.status == 302

    assert name in visitor_on_b.get("/en/partners/").text
