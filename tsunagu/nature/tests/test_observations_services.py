"""Submission, identification, quality grade and flags through the services."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from tsunagu.accounts.roles import Role
from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.nature.models import (
    Flag,
    FlagStatus,
    Identification,
    Observation,
    ObservationPhoto,
    QualityGrade,
)
from tsunagu.nature.services.observations import (
    flag_create,
    flag_resolve,
    identification_add,
    observation_create,
)
from tsunagu.nature.tests.factories import aware, photo_upload, taxon_tree, user_with_roles

pytestmark = pytest.mark.usefixtures("english_messages")  # messages read in English


@pytest.fixture(autouse=True)
def media(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def tree(db):
    return taxon_tree()


def files_in(path: Path) -> list[Path]:
    return [p for p in path.rglob("*") if p.is_file()]


def create(observer, **kwargs) -> Observation:
    kwargs.setdefault("photos", [photo_upload()])
    kwargs.setdefault("observed_at", aware("2025-06-12T20:40:00"))
    kwargs.setdefault("latitude", 36.5781)
    kwargs.setdefault("longitude", 136.6377)
    kwargs.setdefault("uncertainty_m", 15)
    return observation_create(observer=observer, **kwargs)


@pytest.mark.django_db
def test_submission_with_own_identification(tree, media):
    observer = UserFactory()
    observation = create(observer, taxon=tree["species"], count=12, life_stage="adult")
    assert observation.occurrence_id == f"urn:uuid:{observation.uuid}"
    assert observation.taxon == tree["species"]
    assert observation.quality_grade == QualityGrade.NEEDS_ID
    assert observation.community_taxon is None
    assert observation.public_latitude == observation.latitude  # not sensitive
    identification = Identification.objects.get(observation=observation)
    assert identification.user == observer
    assert identification.is_current
    assert len(files_in(media)) == 1


@pytest.mark.django_db
def test_date_and_location_come_from_exif_when_missing(tree):
    observation = create(
        UserFactory(),
        observed_at=None,
        latitude=None,
        longitude=None,
        photos=[photo_upload(latitude=36.5613, longitude=136.6562)],
    )
    assert observation.latitude == pytest.approx(36.5613, abs=1e-5)
    assert observation.longitude == pytest.approx(136.6562, abs=1e-5)
    assert observation.observed_at == aware("2025-06-12T20:41:07")


@pytest.mark.django_db
def test_no_date_no_location_is_casual(tree):
    observation = create(
        UserFactory(),
        observed_at=None,
        latitude=None,
        longitude=None,
        photos=[photo_upload(latitude=None, longitude=None, taken_at=None)],
    )
    assert observation.quality_grade == QualityGrade.CASUAL
    assert observation.observed_at is None
    assert observation.public_latitude is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"observed_at": timezone.now() + timedelta(hours=2)}, "cannot be in the future"),
        ({"latitude": 0.0, "longitude": 0.0}, "0, 0 is not a place"),
        ({"latitude": 91.0}, "Latitude must be between"),
        ({"longitude": 181.0}, "Longitude must be between"),
        ({"longitude": None}, "both latitude and longitude"),
        ({"photos": []}, "at least one photo"),
        ({"photos": [photo_upload() for _ in range(9)]}, "At most 8 photos"),
        ({"count": 0}, "at least 1"),
        ({"licence": "all-rights-reserved"}, "CC0, CC BY or CC BY-NC"),
        ({"uncertainty_m": 10_000_000}, "uncertainty"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(tree, media, changes, message):
    with pytest.raises(ValidationError, match=message):
        create(UserFactory(), **changes)
    assert not Observation.objects.exists()
    assert files_in(media) == []


@pytest.mark.django_db
def test_one_bad_photo_rejects_the_whole_submission(tree, media):
    bad = SimpleUploadedFile("second.jpg", b"GIF89a not really", content_type="image/jpeg")
    with pytest.raises(ValidationError) as caught:
        create(UserFactory(), photos=[photo_upload(), bad, photo_upload()])
    assert "Photo 2 (second.jpg)" in " ".join(caught.value.messages)
    assert not Observation.objects.exists()
    assert not ObservationPhoto.objects.exists()
    assert files_in(media) == []


@pytest.mark.django_db(transaction=True)
def test_failure_after_files_were_written_removes_them(tree, media, monkeypatch):
    from tsunagu.nature.services import observations as service

    def explode(observation):
        raise RuntimeError("database went away")

    monkeypatch.setattr(service, "observation_refresh", explode)
    with pytest.raises(RuntimeError):
        create(UserFactory(), photos=[photo_upload(), photo_upload()])
    assert not Observation.objects.exists()
    assert files_in(media) == []


@pytest.mark.django_db
def test_anonymous_cannot_submit(tree):
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(PermissionDenied):
        create(AnonymousUser())


@pytest.mark.django_db
def test_two_agreeing_identifications_make_research_grade(tree):
    observation = create(UserFactory(), taxon=tree["species"])
    identification_add(observation=observation, user=UserFactory(), taxon=tree["species"])
    observation.refresh_from_db()
    assert observation.community_taxon == tree["species"]
    assert observation.quality_grade == QualityGrade.RESEARCH


@pytest.mark.django_db
def test_genus_agreement_needs_id(tree):
    observation = create(UserFactory(), taxon=tree["species"])
    identification_add(observation=observation, user=UserFactory(), taxon=tree["genus"])
    observation.refresh_from_db()
    assert observation.community_taxon == tree["genus"]
    assert observation.quality_grade == QualityGrade.NEEDS_ID


@pytest.mark.django_db
def test_new_identification_withdraws_the_previous_one(tree):
    observation = create(UserFactory(), taxon=tree["species"])
    other = UserFactory()
    identification_add(observation=observation, user=other, taxon=tree["cousin"])
    observation.refresh_from_db()
    assert observation.community_taxon == tree["family"]
    identification_add(observation=observation, user=other, taxon=tree["species"])
    mine = Identification.objects.filter(observation=observation, user=other)
    assert [i.is_current for i in mine.order_by("pk")] == [False, True]
    observation.refresh_from_db()
    assert observation.community_taxon == tree["species"]
    assert observation.quality_grade == QualityGrade.RESEARCH


@pytest.mark.django_db
def test_expert_identifications_are_marked(tree):
    observation = create(UserFactory(), taxon=tree["species"])
    expert = user_with_roles(Role.EXPERT_IDENTIFIER)
    assert identification_add(observation=observation, user=expert, taxon=tree["species"]).by_expert
    assert not identification_add(
        observation=observation, user=UserFactory(), taxon=tree["species"]
    ).by_expert


@pytest.mark.django_db
def test_cultivated_is_casual_even_when_agreed(tree):
    observation = create(UserFactory(), taxon=tree["species"], is_cultivated=True)
    identification_add(observation=observation, user=UserFactory(), taxon=tree["species"])
    observation.refresh_from_db()
    assert observation.community_taxon == tree["species"]
    assert observation.quality_grade == QualityGrade.CASUAL


@pytest.mark.django_db
def test_flag_makes_casual_dismissal_restores(tree):
    staff = UserFactory(roles=[Role.CITY_STAFF])
    observation = create(UserFactory(), taxon=tree["species"])
    identification_add(observation=observation, user=UserFactory(), taxon=tree["species"])
    flag = flag_create(user=UserFactory(), observation=observation, reason="spam")
    observation.refresh_from_db()
    assert observation.quality_grade == QualityGrade.CASUAL
    flag_resolve(flag=flag, moderator=staff, uphold=False, note="fine")
    observation.refresh_from_db()
    assert observation.quality_grade == QualityGrade.RESEARCH
    assert not observation.is_hidden


@pytest.mark.django_db
def test_upheld_flag_hides_the_observation(tree):
    staff = UserFactory(roles=[Role.CITY_STAFF])
    observation = create(UserFactory(), taxon=tree["species"])
    flag = flag_create(user=UserFactory(), observation=observation, reason="offensive")
    flag_resolve(flag=flag, moderator=staff, uphold=True, note="offensive photo")
    observation.refresh_from_db()
    assert observation.is_hidden
    assert observation.quality_grade == QualityGrade.CASUAL
    flag.refresh_from_db()
    assert (flag.status, flag.resolved_by, flag.resolution_note) == (
        FlagStatus.UPHELD,
        staff,
        "offensive photo",
    )
    with pytest.raises(ValidationError, match="already been resolved"):
        flag_resolve(flag=flag, moderator=staff, uphold=False)


@pytest.mark.django_db
def test_upheld_photo_flag_removes_the_only_photo(tree):
    observation = create(UserFactory(), taxon=tree["species"])
    identification_add(observation=observation, user=UserFactory(), taxon=tree["species"])
    photo = observation.photos.get()
    flag = flag_create(user=UserFactory(), observation=observation, photo=photo, reason="privacy")
    flag_resolve(flag=flag, moderator=UserFactory(roles=[Role.CITY_STAFF]), uphold=True)
    observation.refresh_from_db()
    assert not observation.is_hidden
    assert observation.quality_grade == QualityGrade.CASUAL  # no public photo left


@pytest.mark.django_db
def test_only_staff_resolve_flags(tree):
    observation = create(UserFactory())
    flag = flag_create(user=UserFactory(), observation=observation, reason="spam")
    with pytest.raises(PermissionDenied):
        flag_resolve(flag=flag, moderator=UserFactory(), uphold=True)
    assert Flag.objects.get().status == FlagStatus.OPEN


@pytest.mark.django_db
def test_same_user_cannot_flag_twice(tree):
    observation = create(UserFactory())
    user = UserFactory()
    flag_create(user=user, observation=observation, reason="spam")
    with pytest.raises(ValidationError, match="already flagged"):
        flag_create(user=user, observation=observation, reason="spam")


@pytest.mark.django_db(transaction=True)
def test_outer_rollback_is_the_callers_business(tree, media):
    # Inside a caller's transaction the rows go with the caller's rollback.
    def submit_then_fail() -> None:
        with transaction.atomic():
            create(UserFactory())
            raise RuntimeError

    with pytest.raises(RuntimeError):
        submit_then_fail()
    assert not Observation.objects.exists()
