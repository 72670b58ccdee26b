"""Observation pages over HTTP: submission, identification, flags, moderation, permissions."""

from pathlib import Path

import pytest
from django.test import Client
from django.urls import reverse

from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.nature.models import Flag, FlagStatus, Identification, Observation, QualityGrade
from tsunagu.nature.services.observations import flag_create, identification_add
from tsunagu.nature.tests.factories import ObservationFactory, photo_upload, taxon_tree


@pytest.fixture(autouse=True)
def media(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def tree(db):
    return taxon_tree()


def form_data(tree, **changes) -> dict:
    data = {
        "photos": [photo_upload()],
        "observed_at": "2025-06-12T20:40",
        "latitude": "36.5781",
        "longitude": "136.6377",
        "uncertainty_m": "20",
        "taxon": str(tree["species"].pk),
        "count": "5",
        "life_stage": "adult",
        "is_cultivated": "false",
        "notes": "Along the Kuratsuki canal after dusk.",
        "licence": "CC-BY-4.0",
    }
    data.update(changes)
    return data


def test_submission_form_needs_an_account(client_as):
    url = reverse("nature:observation_create")
    response = client_as(None).get(url)
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
    assert client_as("plain_user").get(url).status_code == 200


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_submit_through_the_form(client_as, tree, prefix):
    client = client_as("plain_user")
    response = client.post(f"{prefix}/nature/observations/new/", form_data(tree))
    assert response.status_code == 302
    observation = Observation.objects.get()
    assert response["Location"].endswith(f"/nature/observations/{observation.uuid}/")
    assert observation.count == 5
    assert observation.taxon == tree["species"]
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Along the Kuratsuki canal" in page.content.decode()


def test_form_errors_are_shown_and_nothing_saved(client_as, tree, media):
    client = client_as("plain_user")
    response = client.post(
        reverse("nature:observation_create"), form_data(tree, latitude="0", longitude="0")
    )
    assert response.status_code == 400
    assert "0, 0" in response.content.decode()
    assert not Observation.objects.exists()
    assert not [p for p in media.rglob("*") if p.is_file()]


def test_future_date_is_refused_with_a_clear_message(client_as, tree):
    response = client_as("plain_user").post(
        "/en/nature/observations/new/", form_data(tree, observed_at="2999-01-01T10:00")
    )
    assert response.status_code == 400
    assert "cannot be in the future" in response.content.decode()


def test_list_and_detail_are_public(client, tree):
    observation = ObservationFactory(taxon=tree["species"])
    listing = client.get(reverse("nature:observation_list"))
    assert listing.status_code == 200
    assert str(observation.uuid) in listing.content.decode()
    detail = client.get(observation_url(observation))
    assert detail.status_code == 200
    photo = observation.photos.get()
    image = client.get(
        reverse("nature:observation_photo", kwargs={"uuid": observation.uuid, "pk": photo.pk})
    )
    assert image.status_code == 200
    assert b"Exif" not in b"".join(image.streaming_content)


def test_list_filters(client, tree):
    firefly = ObservationFactory(taxon=tree["species"])
    other = ObservationFactory(taxon=tree["cousin"])
    identification_add(observation=firefly, user=UserFactory(), taxon=tree["species"])
    identification_add(observation=firefly, user=firefly.observer, taxon=tree["species"])
    url = reverse("nature:observation_list")
    by_genus = client.get(url, {"taxon": tree["genus"].pk}).content.decode()
    assert str(firefly.uuid) in by_genus
    assert str(other.uuid) not in by_genus
    research = client.get(url, {"grade": QualityGrade.RESEARCH}).content.decode()
    assert str(firefly.uuid) in research
    assert str(other.uuid) not in research
    future = client.get(url, {"date_from": "2999-01-01"}).content.decode()
    assert str(firefly.uuid) not in future


def observation_url(observation) -> str:
    return reverse("nature:observation_detail", kwargs={"uuid": observation.uuid})


def test_identify_through_the_page(client_as, users, tree):
    observation = ObservationFactory(taxon=tree["species"])
    identification_add(observation=observation, user=observation.observer, taxon=tree["species"])
    url = reverse("nature:identification_create", kwargs={"uuid": observation.uuid})
    assert client_as(None).post(url, {"taxon": tree["species"].pk}).status_code == 302
    assert Identification.objects.count() == 1
    response = client_as("plain_user").post(url, {"taxon": tree["species"].pk, "comment": "Yes"})
    assert response.status_code == 302
    observation.refresh_from_db()
    assert observation.quality_grade == QualityGrade.RESEARCH
    page = client_as(None).get("/en" + observation_url(observation)).content.decode()
    assert 'data-testid="quality-grade">Research grade</span>' in page


def test_only_the_author_withdraws_an_identification_and_the_grade_follows(client_as, users, tree):
    observation = ObservationFactory(taxon=tree["species"])
    identification_add(observation=observation, user=observation.observer, taxon=tree["species"])
    theirs = identification_add(
        observation=observation, user=users["plain_user"], taxon=tree["species"]
    )
    observation.refresh_from_db()
    assert observation.quality_grade == QualityGrade.RESEARCH
    url = reverse(
        "nature:identification_withdraw", kwargs={"uuid": observation.uuid, "pk": theirs.pk}
    )
    page = client_as("plain_user").get(observation_url(observation)).content.decode()
    assert url in page  # the author sees the button; others do not
    assert url not in client_as("city_staff").get(observation_url(observation)).content.decode()

    assert client_as(None).post(url).status_code == 302  # to the login page
    assert client_as("city_staff").post(url).status_code == 403
    theirs.refresh_from_db()
    assert theirs.is_current

    assert client_as("plain_user").post(url).status_code == 302
    theirs.refresh_from_db()
    observation.refresh_from_db()
    assert not theirs.is_current
    assert observation.quality_grade == QualityGrade.NEEDS_ID
    assert client_as("plain_user").post(url).status_code == 404  # already withdrawn


def test_an_identification_can_be_flagged_and_an_upheld_flag_removes_its_vote(
    client_as, users, tree
):
    observation = ObservationFactory(taxon=tree["species"])
    identification_add(observation=observation, user=observation.observer, taxon=tree["species"])
    rude = identification_add(
        observation=observation, user=users["plain_user"], taxon=tree["species"]
    )
    page = client_as("partner_member").get(observation_url(observation)).content.decode()
    assert f'<option value="{rude.pk}">' in page
    flag_url = reverse("nature:flag_create", kwargs={"uuid": observation.uuid})
    response = client_as("partner_member").post(
        flag_url, {"reason": "offensive", "identification": rude.pk}
    )
    assert response.status_code == 302
    flag = Flag.objects.get()
    assert flag.identification == rude
    resolve = reverse("nature:flag_resolve", kwargs={"pk": flag.pk})
    client_as("city_staff").post(resolve, {"decision": "uphold"})
    observation.refresh_from_db()
    assert observation.quality_grade == QualityGrade.NEEDS_ID


def test_identify_without_a_taxon_shows_the_form_again(client_as, tree):
    observation = ObservationFactory(taxon=tree["species"])
    url = reverse("nature:identification_create", kwargs={"uuid": observation.uuid})
    response = client_as("plain_user").post(url, {"taxon": ""})
    assert response.status_code == 200
    assert not Identification.objects.exists()


def test_flag_and_moderate(client_as, users, tree):
    observation = ObservationFactory(taxon=tree["species"])
    flag_url = reverse("nature:flag_create", kwargs={"uuid": observation.uuid})
    assert client_as(None).post(flag_url, {"reason": "spam"}).status_code == 302
    assert not Flag.objects.exists()
    assert client_as("plain_user").post(flag_url, {"reason": "spam"}).status_code == 302
    flag = Flag.objects.get()

    queue = reverse("nature:moderation")
    assert client_as(None).get(queue).status_code == 302
    assert client_as("plain_user").get(queue).status_code == 403
    assert client_as("partner_member").get(queue).status_code == 403
    assert client_as("city_staff").get(queue).status_code == 200

    resolve = reverse("nature:flag_resolve", kwargs={"pk": flag.pk})
    assert client_as("plain_user").post(resolve, {"decision": "uphold"}).status_code == 403
    flag.refresh_from_db()
    assert flag.status == FlagStatus.OPEN
    response = client_as("city_staff").post(resolve, {"decision": "uphold", "note": "spam"})
    assert response.status_code == 302
    flag.refresh_from_db()
    assert flag.status == FlagStatus.UPHELD

    # Hidden: 404 for the public and other users, visible to the observer and staff.
    url = observation_url(observation)
    assert client_as(None).get(url).status_code == 404
    assert client_as("plain_user").get(url).status_code == 404
    assert client_as("city_staff").get(url).status_code == 200
    owner = Client()
    owner.force_login(observation.observer)
    assert owner.get(url).status_code == 200
    assert (
        str(observation.uuid)
        not in client_as(None).get(reverse("nature:observation_list")).content.decode()
    )


def test_removed_photo_is_not_served_to_the_public(client_as, users, tree):
    observation = ObservationFactory(taxon=tree["species"], photos=2)
    first, second = observation.photos.all()
    flag = flag_create(
        user=users["plain_user"], observation=observation, photo=first, reason="privacy"
    )
    client_as("city_staff").post(
        reverse("nature:flag_resolve", kwargs={"pk": flag.pk}), {"decision": "uphold"}
    )
    photo_url = reverse(
        "nature:observation_photo", kwargs={"uuid": observation.uuid, "pk": first.pk}
    )
    assert client_as(None).get(photo_url).status_code == 404
    assert client_as("city_staff").get(photo_url).status_code == 200
    page = client_as(None).get(observation_url(observation)).content.decode()
    assert f"/photos/{first.pk}.jpg" not in page
    assert f"/photos/{second.pk}.jpg" in page


def test_my_observations(client_as, users, tree):
    mine = ObservationFactory(observer=users["plain_user"], taxon=tree["species"])
    theirs = ObservationFactory(taxon=tree["species"])
    url = reverse("nature:observation_mine")
    assert client_as(None).get(url).status_code == 302
    page = client_as("plain_user").get(url).content.decode()
    assert str(mine.uuid) in page
    assert str(theirs.uuid) not in page


def test_unknown_observation_is_404(client, db):
    assert (
        client.get("/nature/observations/00000000-0000-0000-0000-000000000000/").status_code == 404
    )
