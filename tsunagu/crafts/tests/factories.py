import io

import factory
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from tsunagu.crafts.models import Artisan, Craft, Workshop


class CraftFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Craft
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"craft-{n}")
    name_ja = factory.Sequence(lambda n: f"工芸{n}")
    name_en = factory.Sequence(lambda n: f"Craft {n}")
    description_ja = "説明"
    description_en = "Description"


class WorkshopFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workshop
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"workshop-{n}")
    name_ja = factory.Sequence(lambda n: f"工房{n}")
    name_en = factory.Sequence(lambda n: f"Workshop {n}")
    latitude = 36.5724
    longitude = 136.6666
    contact_email = factory.Sequence(lambda n: f"secret-studio-{n}@example.org")

    @factory.post_generation
    def crafts(self, create, extracted, **kwargs):
        for craft in extracted or ():
            self.crafts.add(craft)

    @factory.post_generation
    def managers(self, create, extracted, **kwargs):
        for user in extracted or ():
            self.managers.add(user)


class ArtisanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Artisan

    slug = factory.Sequence(lambda n: f"artisan-{n}")
    name_ja = factory.Sequence(lambda n: f"職人{n}")
    name_en = factory.Sequence(lambda n: f"Artisan {n}")


def image_upload(image_format: str = "PNG", name: str = "photo.png", size=(8, 8)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 160, 40)).save(buffer, format=image_format)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/octet-stream")
