"""Craft images: only real JPEG, PNG or WebP files of at most 5 MB, always with credit and
licence; checked on the content, not the file name."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from tsunagu.crafts import validators
from tsunagu.crafts.models import CraftImage
from tsunagu.crafts.services import craft_image_add
from tsunagu.crafts.tests.factories import image_upload


@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_accepted_formats(image_format):
    validators.craft_image_validate(image_upload(image_format))


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (lambda: image_upload("GIF", name="photo.png"), "not accepted"),
        (lambda: SimpleUploadedFile("photo.jpg", b"<script>alert(1)</script>"), "not a readable"),
        (lambda: SimpleUploadedFile("photo.png", image_upload().read()[:40]), "not a readable"),
    ],
)
def test_refused_files(upload, message):
    with translation.override("en"), pytest.raises(ValidationError, match=message):
        validators.craft_image_validate(upload())


def test_size_limit(monkeypatch):
    monkeypatch.setattr(validators, "MAX_IMAGE_BYTES", 10)
    with translation.override("en"), pytest.raises(ValidationError, match="larger than"):
        validators.craft_image_validate(image_upload())


def test_image_add_needs_credit_and_licence(craft):
    with translation.override("en"), pytest.raises(ValidationError) as error:
        craft_image_add(craft=craft, file=image_upload(), credit=" ", licence="")
    assert set(error.value.message_dict) == {"credit", "licence"}
    assert not CraftImage.objects.exists()


def test_image_add_and_shown_with_credit(craft, client):
    image = craft_image_add(
        craft=craft,
        file=image_upload("WEBP", name="leaf.webp"),
        credit="Kanazawa City",
        licence="CC BY 4.0",
        caption_en="Beating gold",
    )
    assert image.image.name.startswith("crafts/")
    page = client.get(f"/en/crafts/{craft.slug}/").content.decode()
    assert "Kanazawa City" in page
    assert "CC BY 4.0" in page
    assert image.image.url in page


def test_image_add_refuses_a_fake_image(craft):
    with translation.override("en"), pytest.raises(ValidationError) as error:
        craft_image_add(
            craft=craft,
            file=SimpleUploadedFile("x.png", b"GIF89a not really"),
            credit="c",
            licence="l",
        )
    assert "image" in error.value.message_dict
    assert not CraftImage.objects.exists()


def test_admin_upload_of_a_non_image_is_refused(client_as, craft):
    client = client_as("administrator")
    url = reverse("admin:crafts_craft_change", args=[craft.pk])
    data = {
        "slug": craft.slug,
        "name_ja": craft.name_ja,
        "name_en": craft.name_en,
        "order": 1,
        "designation": "",
        "materials-TOTAL_FORMS": 0,
        "materials-INITIAL_FORMS": 0,
        "images-TOTAL_FORMS": 1,
        "images-INITIAL_FORMS": 0,
        "images-0-order": 0,
        "images-0-credit": "c",
        "images-0-licence": "l",
        "images-0-image": SimpleUploadedFile("evil.png", b"not an image"),
        "sources-TOTAL_FORMS": 0,
        "sources-INITIAL_FORMS": 0,
    }
    response = client.post(url, data)
    assert response.status_code == 200  # the form comes back with the error
    images = next(
        f.formset for f in response.context["inline_admin_formsets"] if f.formset.prefix == "images"
    )
    assert "image" in images.errors[0]
    assert not CraftImage.objects.exists()
