import io
import json
import zipfile

import pytest
from django.contrib.auth import authenticate
from django.utils import translation

from tsunagu.accounts.models import ApiToken, Membership
from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.crafts.models import ContactMessage
from tsunagu.events.models import Registration, RegistrationStatus
from tsunagu.experiences.models import Booking, BookingStatus, WaitlistEntry, WaitlistStatus
from tsunagu.nature.models import CampaignParticipant, Identification, Observation
from tsunagu.privacy import registry
from tsunagu.privacy.models import PrivacyRequest, RequestKind, RequestStatus
from tsunagu.privacy.registry import ERASED
from tsunagu.privacy.services.download import personal_data_zip_write
from tsunagu.privacy.services.erasure import account_erase
from tsunagu.privacy.services.references import subject_reference
from tsunagu.privacy.tests import seed
from tsunagu.programmes.models import ApplicationDocument
from tsunagu.tourism_grants.models import GrantApplication

pytestmark = pytest.mark.django_db


def _download(user) -> tuple[dict, zipfile.ZipFile]:
    buffer = io.BytesIO()
    with translation.override("en"):  # field names are written in the page's language
        personal_data_zip_write(user=user, out=buffer)
    archive = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    return json.loads(archive.read("data.json")), archive


def test_download_holds_the_persons_records_and_files_and_nobody_elses():
    seeded = seed.person_with_data()
    other = seed.person_with_data(UserFactory(email="other@example.org", full_name="Otto Other"))
    Registration.objects.filter(user=other.user).update(name="Otto Realname")

    data, archive = _download(seeded.user)

    kinds = {kind["kind"]: kind["records"] for kind in data["kinds"]}
    assert kinds["accounts.user"][0]["email address"] == seed.EMAIL
    assert {r["name"] for r in kinds["events.registration"]} == {seed.REAL_NAME}
    assert len(kinds["events.registration"]) == 2
    assert len(kinds["experiences.booking"]) == 2
    assert kinds["nature.observation"][0]["notes"] == seed.NOTES
    assert kinds["programmes.application"][0]["statement"] == seed.STATEMENT
    assert len(kinds["tourism_grants.grantapplication"]) == 2
    text = archive.read("data.json").decode()
    assert "Otto" not in text
    assert "other@example.org" not in text
    # the partner's contact person is not linked to the account: not matched by email
    assert seed.PHONE not in text

    files = [name for name in archive.namelist() if name.startswith("files/")]
    assert len(files) == 4  # the observation photo, a programme and two grant documents
    assert any(name.startswith("files/nature.observationphoto/") for name in files)
    document = next(n for n in files if n.startswith("files/programmes.applicationdocument/"))
    assert archive.read(document) == seed.PDF

    request = PrivacyRequest.objects.get()
    assert (request.kind, request.status) == (RequestKind.DOWNLOAD, RequestStatus.COMPLETED)
    assert request.subject_reference == subject_reference(seeded.user.pk)
    assert seed.EMAIL not in json.dumps(request.summary)


def test_deletion_anonymises_contributions_and_scrubs_the_account(
    django_capture_on_commit_callbacks,
):
    seeded = seed.person_with_data()
    user = seeded.user
    document_file = ApplicationDocument.objects.get().file
    other_registration = Registration.objects.exclude(user=user).get()

    with django_capture_on_commit_callbacks(execute=True):
        request = account_erase(user=user)

    user.refresh_from_db()
    assert not user.is_active
    assert not user.has_usable_password()
    assert user.full_name == ""
    assert seed.EMAIL not in user.email
    assert authenticate(username=seed.EMAIL, password="correct horse battery staple") is None
    assert not Membership.objects.filter(user=user).exists()
    assert not ApiToken.objects.filter(user=user).exists()

    # observations keep species, date, place and photos, without the person
    observation = Observation.objects.get(pk=seeded.observation.pk)
    assert observation.observer is None
    assert observation.recorded_by == ""
    assert observation.notes == ""
    assert observation.taxon_id == seeded.observation.taxon_id
    assert observation.latitude == seeded.observation.latitude
    assert observation.photos.count() == 1
    identification = Identification.objects.get(observation=observation)
    assert identification.comment == ""
    assert identification.user_id == user.pk

    # past seats stay for the statistics, without name, email or needs
    past = Registration.objects.get(pk=seeded.past_registration.pk)
    assert past.user is None
    assert past.name == ERASED
    assert seed.EMAIL not in past.email
    assert past.status == RegistrationStatus.CONFIRMED
    assert past.checked_in_at is not None
    booking = Booking.objects.get(pk=seeded.past_booking.pk)
    assert (booking.name, booking.needs, booking.user) == (ERASED, "", None)
    assert (booking.participants, booking.amount_due) == (2, 7000)
    # upcoming seats are given back
    future = Registration.objects.get(pk=seeded.future_registration.pk)
    assert future.status == RegistrationStatus.CANCELLED
    assert future.name == ERASED
    future_booking = Booking.objects.get(pk=seeded.future_booking.pk)
    assert future_booking.status == BookingStatus.CANCELLED
    assert WaitlistEntry.objects.get(pk=seeded.waitlist_entry.pk).status == WaitlistStatus.WITHDRAWN
    # someone else's registration is untouched
    other_registration.refresh_from_db()
    assert other_registration.name != ERASED

    participant = CampaignParticipant.objects.get()
    assert (participant.name, participant.user) == (ERASED, None)
    assert not ContactMessage.objects.exists()

    application = seeded.programme_application
    application.refresh_from_db()
    assert application.full_name == ERASED
    assert application.statement == ""
    assert application.answers == {}
    assert str(application.date_of_birth) == "1990-01-01"
    assert not ApplicationDocument.objects.exists()
    assert not document_file.storage.exists(document_file.name)  # removed after commit

    # grants: the draft goes, the submitted application is kept for public accounting
    assert list(GrantApplication.objects.values_list("pk", flat=True)) == [
        seeded.grant_submitted.pk
    ]

    assert (request.kind, request.status) == (RequestKind.DELETION, RequestStatus.COMPLETED)
    assert request.handled_by is None
    assert request.summary["nature.observation"] == {"anonymise": 1}
    stored = json.dumps(request.summary, ensure_ascii=False)
    for value in seed.SEEDED_VALUES:
        assert value not in stored


def test_a_failure_half_way_leaves_nothing_changed(monkeypatch):
    seeded = seed.person_with_data()
    user = seeded.user
    original = registry.PERSONAL_DATA
    # The observation step fails after registrations, bookings and messages were handled.
    failing = registry.PersonalData(
        "nature.Observation", "observer", registry.Erasure.ANONYMISE, (), scrub={"no_such_field": 1}
    )
    monkeypatch.setattr(
        registry,
        "PERSONAL_DATA",
        tuple(failing if entry.model == "nature.Observation" else entry for entry in original),
    )

    with pytest.raises(Exception):  # noqa: B017, PT011 - whatever the step raised
        account_erase(user=user)

    user.refresh_from_db()
    assert user.is_active
    assert user.email == seed.EMAIL
    assert user.has_usable_password()
    assert Registration.objects.get(pk=seeded.past_registration.pk).name == seed.REAL_NAME
    assert Registration.objects.get(pk=seeded.future_registration.pk).status == "confirmed"
    assert Booking.objects.get(pk=seeded.future_booking.pk).status == BookingStatus.CONFIRMED
    assert ContactMessage.objects.exists()
    assert ApiToken.objects.filter(user=user).exists()
    assert Observation.objects.get(pk=seeded.observation.pk).observer == user
    assert GrantApplication.objects.filter(status="draft").exists()
    failed = PrivacyRequest.objects.get()
    assert (failed.kind, failed.status) == (RequestKind.DELETION, RequestStatus.FAILED)
    assert failed.error


def test_a_deleted_account_cannot_be_deleted_twice():
    user = UserFactory()
    account_erase(user=user)
    with pytest.raises(Exception, match="already"):
        account_erase(user=user)
