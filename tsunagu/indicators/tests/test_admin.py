"""The statistics admin over HTTP: who may upload, dry run and confirm, errors, idempotence."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.core.models import Area
from tsunagu.indicators import tasks
from tsunagu.indicators.models import ImportRun, Observation, Statistic

pytestmark = pytest.mark.django_db

UPLOAD = reverse("admin:indicators_importrun_upload")
CONFIRM = reverse("admin:indicators_importrun_upload_confirm")
RUNS = reverse("admin:indicators_importrun_changelist")
GOOD = (
    "statistic,area,year,value,statistic_name_ja,unit\r\n"
    "T1,17201,2020,10,観光客数,人\r\n"
    "T1,R17202,2020,20,観光客数,人\r\n"
    "T1,172014,2021,11,観光客数,人\r\n"
).encode()


@pytest.fixture(autouse=True)
def staging_storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def english(settings):
    """The admin has no language prefix, so it speaks LANGUAGE_CODE: English for these tests."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture(autouse=True)
def areas(db):
    Area.objects.create(code="17201", kind="municipality", name_ja="金沢市")
    Area.objects.create(code="17202", kind="municipality", name_ja="七尾市")


@pytest.fixture
def staff(client_as):
    return client_as("city_staff")


@pytest.fixture
def refreshes(monkeypatch):
    """Score refreshes requested (the Celery task is replaced by a counter)."""
    calls = []
    monkeypatch.setattr(
        tasks.indicator_scores_refresh, "apply_async", lambda *args, **kwargs: calls.append(1)
    )
    return calls


def upload(
    client, content: bytes = GOOD, name: str = "tourism.csv", dry_run=True, follow=False, **fields
):
    data = {"file": SimpleUploadedFile(name, content), **fields}
    if dry_run:
        data["dry_run"] = "on"
    return client.post(UPLOAD, data, follow=follow)


def staged_files(storage) -> list:
    directory = storage / "indicators" / "staged-uploads"
    return list(directory.iterdir()) if directory.exists() else []


@pytest.mark.parametrize("role", [None, "plain_user", "partner_member", "assessor"])
def test_others_cannot_reach_the_upload_page(client_as, role):
    client = client_as(role)
    for response in (client.get(UPLOAD), upload(client, dry_run=False)):
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("admin:login"))
    assert not Observation.objects.exists()


def test_staff_without_the_city_staff_role_are_refused(client):
    client.force_login(UserFactory(is_staff=True))
    assert client.get(UPLOAD).status_code == 403
    assert upload(client, dry_run=False).status_code == 403
    assert client.post(CONFIRM, {"token": "x"}).status_code == 403
    assert not ImportRun.objects.exists()


@pytest.mark.parametrize("role", ["city_staff", "administrator"])
def test_city_staff_and_administrators_get_the_form_with_dry_run_on(client_as, role):
    response = client_as(role).get(UPLOAD)
    assert response.status_code == 200
    assert re.search(r'<input[^>]*name="dry_run"[^>]*checked', response.text)
    assert 'enctype="multipart/form-data"' in response.text
    assert UPLOAD in client_as(role).get(RUNS).text


def test_dry_run_previews_and_writes_nothing(staff, staging_storage):
    response = upload(staff)
    assert response.status_code == 200
    summary = response.context["summary"]
    assert (summary.rows, summary.created, summary.unchanged, summary.conflicts) == (3, 3, 0, 0)
    assert "Confirm import" in response.text
    assert "172014" not in response.text  # areas are shown normalised
    assert response.text.count("<td>17201</td>") == 2
    assert not Observation.objects.exists()
    assert not ImportRun.objects.exists()
    assert not Statistic.objects.exists()
    assert len(staged_files(staging_storage)) == 1


def test_preview_shows_at_most_twenty_rows(staff):
    rows = "".join(f"T{n},17201,2020,{n}\r\n" for n in range(25))
    response = upload(staff, f"statistic,area,year,value\r\n{rows}".encode())
    assert len(response.context["rows"]) == 20
    assert "… and 5 more rows." in response.text


def confirm_token(response) -> str:
    return response.context["confirm_form"]["token"].value()


def test_confirm_imports_the_previewed_file_and_records_the_user(
    staff, users, staging_storage, refreshes, django_capture_on_commit_callbacks
):
    token = confirm_token(upload(staff, edition="2024 survey", credit_en="Kanazawa City"))
    with django_capture_on_commit_callbacks(execute=True):
        response = staff.post(CONFIRM, {"token": token})
    assert response.status_code == 302
    assert response["Location"] == RUNS
    run = ImportRun.objects.get()
    assert run.imported_by == users["city_staff"]
    assert (run.importer, run.file_name, run.edition) == ("tidy", "tourism.csv", "2024 survey")
    assert (run.rows, run.created) == (3, 3)
    assert Observation.objects.count() == 3
    assert Statistic.objects.get(code="T1").credit_en == "Kanazawa City"
    assert refreshes == [1]
    assert staged_files(staging_storage) == []
    page = staff.get(RUNS)
    assert "Imported tourism.csv: 3 new, 0 changed, 0 unchanged, 0 conflicts." in page.text

    again = staff.post(CONFIRM, {"token": token}, follow=True)
    assert "This preview has expired or is not valid" in again.text
    assert ImportRun.objects.count() == 1


def test_a_token_serves_only_the_user_who_previewed(staff, client_as):
    token = confirm_token(upload(staff))
    response = client_as("administrator").post(CONFIRM, {"token": token}, follow=True)
    assert "This preview has expired or is not valid" in response.text
    tampered = staff.post(CONFIRM, {"token": token[:-2] + "xx"}, follow=True)
    assert "This preview has expired or is not valid" in tampered.text
    assert not Observation.objects.exists()


def test_a_bad_file_lists_every_row_error_and_writes_nothing(staff, staging_storage):
    content = (
        b"statistic,area,year,value\r\n"
        b"T1,17201,2020,10\r\n"
        b"T1,17201,20,ten\r\n"
        b"T1,99999x,2020,1\r\n"
        b"T1,17201,2020,12\r\n"
    )
    for dry_run in (True, False):
        response = upload(staff, content, dry_run=dry_run)
        assert response.status_code == 200
        errors = [str(e) for e in response.context["row_errors"]]
        assert errors == [
            "line 3: year '20' is not a 4-digit year",
            "line 3: value 'ten' is not a number",
            "line 4: area code '99999x' is not a 5-digit, 6-digit or R-prefixed code",
            "line 5: T1 / 17201 / 2020 is already on line 2",
        ]
        assert "Line 4: area code" in response.text
        assert "Nothing was written" in response.text
    assert not Observation.objects.exists()
    assert not ImportRun.objects.exists()
    assert staged_files(staging_storage) == []


def test_unknown_areas_are_reported_by_line(staff):
    response = upload(staff, b"statistic,area,year,value\r\nT1,17201,2020,1\r\nT1,13101,2020,2\r\n")
    assert [str(e) for e in response.context["row_errors"]] == ["line 3: unknown area code 13101"]
    assert not Statistic.objects.exists()


def test_reuploading_the_same_file_changes_nothing(staff, refreshes):
    first = upload(staff, dry_run=False)
    assert first.status_code == 302
    preview = upload(staff).context["summary"]
    assert (preview.created, preview.changed, preview.unchanged) == (0, 0, 3)
    response = upload(staff, dry_run=False, follow=True)
    assert "0 new, 0 changed, 3 unchanged, 0 conflicts" in response.text
    latest = ImportRun.objects.order_by("-pk").first()
    assert (latest.created, latest.unchanged) == (0, 3)
    assert Observation.objects.count() == 3


def test_an_excel_file_uploads(staff, tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.append(["statistic", "area", "year", "value"])
    workbook.active.append(["T1", 17201, 2020, 4.5])
    workbook.save(tmp_path / "t.xlsx")
    response = upload(staff, (tmp_path / "t.xlsx").read_bytes(), "t.xlsx", dry_run=False)
    assert response.status_code == 302
    assert Observation.objects.get().value == 4.5


def test_other_file_types_are_refused_by_the_form(staff):
    response = upload(staff, b"statistic,area,year,value\n", "figures.json")
    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not ImportRun.objects.exists()


@pytest.mark.parametrize("role", ["city_staff", "administrator"])
def test_import_records_are_readable_and_read_only(staff, client_as, role):
    upload(staff, dry_run=False)
    client = client_as(role)
    run = ImportRun.objects.get()
    observation = Observation.objects.get(area__code="17202")
    for url in (
        reverse("admin:index"),
        RUNS,
        reverse("admin:indicators_importrun_change", args=[run.pk]),
        reverse("admin:indicators_observation_changelist"),
        reverse("admin:indicators_observation_changelist") + "?year=2020",
        reverse("admin:indicators_observation_change", args=[observation.pk]),
        reverse("admin:indicators_observationchange_changelist"),
    ):
        assert client.get(url).status_code == 200, url
    search = client.get(reverse("admin:indicators_observation_changelist"), {"q": "R17202"})
    assert list(search.context["cl"].result_list) == [observation]
    assert client.get(reverse("admin:indicators_observation_add")).status_code == 403
    assert client.post(
        reverse("admin:indicators_observation_change", args=[observation.pk]), {"value": "1"}
    ).status_code in (302, 403)
    observation.refresh_from_db()
    assert observation.value == 20.0


def test_statistics_and_indicators_have_side_by_side_translations(client_as):
    admin = client_as("administrator")
    page = admin.get(reverse("admin:indicators_statistic_add"))
    assert 'name="name_ja"' in page.text
    assert 'name="name_en"' in page.text
    for name in ("indicator", "compositeindicator"):
        page = admin.get(reverse(f"admin:indicators_{name}_add"))
        assert page.status_code == 200
        assert 'name="rationale_en"' in page.text
        assert admin.get(reverse(f"admin:indicators_{name}_changelist")).status_code == 200


def test_a_confirm_that_no_longer_fits_the_database_shows_the_errors(staff, staging_storage):
    token = confirm_token(upload(staff))
    Area.objects.filter(code="17202").delete()
    response = staff.post(CONFIRM, {"token": token})
    assert response.status_code == 200
    assert [str(e) for e in response.context["row_errors"]] == ["line 3: unknown area code 17202"]
    assert not ImportRun.objects.exists()
    assert staged_files(staging_storage) == []


class _Queued:
    """What apply_async returns when a broker took the task."""

    def ready(self) -> bool:
        return False


def test_with_a_broker_the_confirm_queues_the_import_and_keeps_the_file(
    staff, staging_storage, monkeypatch
):
    token = confirm_token(upload(staff))
    queued = []
    monkeypatch.setattr(
        tasks.statistics_upload_import,
        "apply_async",
        lambda *args, **options: queued.append(args) or _Queued(),
    )
    page = staff.post(CONFIRM, {"token": token}, follow=True)
    assert "A background worker is importing tourism.csv" in page.text
    assert len(queued) == 1
    assert not ImportRun.objects.exists()
    assert len(staged_files(staging_storage)) == 1  # the worker reads it, then deletes it


def test_an_unreachable_broker_refuses_the_import_loudly(staff, staging_storage, monkeypatch):
    from kombu.exceptions import OperationalError

    token = confirm_token(upload(staff))

    def broker_down(*args, **options):
        raise OperationalError("connection refused")

    monkeypatch.setattr(tasks.statistics_upload_import, "apply_async", broker_down)
    page = staff.post(CONFIRM, {"token": token}, follow=True)
    assert "The background job queue is unavailable" in page.text
    assert not Observation.objects.exists()
    assert len(staged_files(staging_storage)) == 1  # the same preview can be confirmed later
