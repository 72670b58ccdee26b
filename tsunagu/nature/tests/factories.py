"""Factories for the nature app: a small taxon tree, observations, identifications and real
tiny JPEG photos carrying EXIF (GPS, time, orientation) the way cameras write them."""

import io
import uuid
from datetime import datetime, timedelta

import factory
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.nature.models import Identification, Observation, ObservationPhoto, Taxon
from tsunagu.nature.services.photos import photo_public_copy

# Kanazawa, by the Kuratsuki canal.
KANAZAWA = (36.5781, 136.6377)

HIGHER = [
    ("Testanimalia", "kingdom"),
    ("Testarthropoda", "phylum"),
    ("Testinsecta", "class"),
    ("Testcoleoptera", "order"),
    ("Testlampyridae", "family"),
    ("Testluciola", "genus"),
]


def _higher(rank: str) -> Taxon | None:
    parent = None
    for name, level in HIGHER:
        parent, _ = Taxon.objects.get_or_create(
            scientific_name=name, rank=level, defaults={"parent": parent}
        )
        if level == rank:
            return parent
    return None


def _default_parent(rank: str) -> Taxon | None:
    ranks = [level for _, level in HIGHER]
    if rank == "kingdom":
        return None
    if rank in ranks:
        return _higher(ranks[ranks.index(rank) - 1])
    return _higher("genus")


class TaxonFactory(factory.django.DjangoModelFactory):
    """A species in the test genus unless told otherwise."""

    class Meta:
        model = Taxon
        django_get_or_create = ("scientific_name", "rank")

    scientific_name = factory.Sequence(lambda n: f"Testluciola species{n}")
    rank = "species"
    parent = factory.LazyAttribute(lambda o: _default_parent(o.rank))
    common_name = factory.LazyAttribute(lambda o: f"{o.scientific_name} (common)")


def taxon_tree() -> dict[str, Taxon]:
    """kingdom → phylum → class → order → family → two genera → species (one sensitive,
    one threatened)."""
    tree = {rank: _higher(rank) for _, rank in HIGHER}
    other_genus = TaxonFactory(scientific_name="Testaquatica", rank="genus", parent=tree["family"])
    tree.update(
        other_genus=other_genus,
        species=TaxonFactory(scientific_name="Testluciola cruciata", parent=tree["genus"]),
        sibling=TaxonFactory(scientific_name="Testluciola parvula", parent=tree["genus"]),
        cousin=TaxonFactory(scientific_name="Testaquatica lateralis", parent=other_genus),
        sensitive=TaxonFactory(
            scientific_name="Testluciola secreta", parent=tree["genus"], is_sensitive=True
        ),
        threatened=TaxonFactory(
            scientific_name="Testaquatica rara", parent=other_genus, red_list_national="EN"
        ),
    )
    tree["subspecies"] = TaxonFactory(
        scientific_name="Testluciola cruciata minor", rank="subspecies", parent=tree["species"]
    )
    return tree


def _dms(value: float) -> tuple[float, float, float]:
    value = abs(value)
    degrees = int(value)
    minutes = int((value - degrees) * 60)
    seconds = round((value - degrees - minutes / 60) * 3600, 4)
    return (float(degrees), float(minutes), seconds)


def image_bytes(
    *,
    latitude: float | None = KANAZAWA[0],
    longitude: float | None = KANAZAWA[1],
    taken_at: str | None = "2025:06:12 20:41:07",
    orientation: int | None = None,
    size: tuple[int, int] = (64, 48),
    image_format: str = "JPEG",
    colour: tuple[int, int, int] = (40, 90, 30),
) -> bytes:
    """A real image; JPEG and WebP carry EXIF with GPS and DateTimeOriginal when given."""
    image = Image.new("RGB", size, colour)
    # A bright marker in the top-left corner shows which way up the photo is.
    image.paste((255, 255, 0), (0, 0, size[0] // 4, size[1] // 4))
    exif = image.getexif()
    if orientation:
        exif[0x0112] = orientation
    if latitude is not None and longitude is not None:
        gps = exif.get_ifd(0x8825)
        gps[1] = "N" if latitude >= 0 else "S"
        gps[2] = _dms(latitude)
        gps[3] = "E" if longitude >= 0 else "W"
        gps[4] = _dms(longitude)
    if taken_at:
        exif.get_ifd(0x8769)[0x9003] = taken_at
    buffer = io.BytesIO()
    extra = {"exif": exif} if image_format in {"JPEG", "WEBP"} else {}
    image.save(buffer, format=image_format, **extra)
    return buffer.getvalue()


def photo_upload(name: str = "firefly.jpg", content_type: str = "image/jpeg", **kwargs):
    return SimpleUploadedFile(name, image_bytes(**kwargs), content_type=content_type)


class ObservationFactory(factory.django.DjangoModelFactory):
    """An observation with its true coordinates; call observation_refresh (or use the
    service) for the public location and the grade."""

    class Meta:
        model = Observation
        skip_postgeneration_save = True

    uuid = factory.LazyFunction(uuid.uuid4)
    occurrence_id = factory.LazyAttribute(lambda o: f"urn:uuid:{o.uuid}")
    observer = factory.SubFactory(UserFactory)
    observed_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=3))
    latitude = KANAZAWA[0]
    longitude = KANAZAWA[1]
    public_latitude = factory.LazyAttribute(lambda o: o.latitude)
    public_longitude = factory.LazyAttribute(lambda o: o.longitude)
    uncertainty_m = 10

    @factory.post_generation
    def photos(self, create, extracted, **kwargs):
        if create:
            for _ in range(1 if extracted is None else extracted):
                PhotoFactory(observation=self)

    @factory.post_generation
    def refresh(self, create, extracted, **kwargs):
        if create and extracted is not False:
            from tsunagu.nature.services.observations import observation_refresh

            observation_refresh(self)


class PhotoFactory(factory.django.DjangoModelFactory):
    """The stored public copy, made by the real pipeline from a photo with EXIF GPS."""

    class Meta:
        model = ObservationPhoto

    observation = factory.SubFactory(ObservationFactory, photos=0)
    width = 64
    height = 48

    @factory.lazy_attribute
    def image(self):
        copy = photo_public_copy(io.BytesIO(image_bytes()))
        return ContentFile(copy.read(), name=copy.name)


class IdentificationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Identification

    observation = factory.SubFactory(ObservationFactory)
    user = factory.SubFactory(UserFactory)
    taxon = factory.SubFactory(TaxonFactory)


def user_with_roles(*roles, **kwargs):
    """A user with these roles. The expert identifier and trusted researcher groups are not
    made by the accounts' post_migrate sync (it makes city staff and assessor only)."""
    for role in roles:
        Group.objects.get_or_create(name=role.value)
    return UserFactory(roles=list(roles), **kwargs)


def aware(text: str) -> datetime:
    return timezone.make_aware(datetime.fromisoformat(text))
