# ruff: noqa: S311  (demo placement and colours, not cryptography)
"""Demo citizen observations around Kanazawa (labelled demo through the demo accounts).

About 60 observations by a few demo citizens along the canals, in Kenrokuen, by the
Kuratsuki canal and the Asano and Sai rivers, with drawn photos (no external files) and
identifications by other citizens and one expert identifier: most reach research grade,
some need an ID, a few are casual, and the sensitive species are generalised.

Deterministic (fixed seed) and idempotent: observations have fixed UUIDs, and one that
exists is left as it is.
"""

import io
import random
import uuid
from datetime import datetime

from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image, ImageDraw

from tsunagu.accounts.models import User
from tsunagu.accounts.roles import Role
from tsunagu.accounts.services import role_grant
from tsunagu.nature.models import Observation, Taxon
from tsunagu.nature.services.observations import identification_add, observation_create

SEED = 20250612
NAMESPACE = uuid.UUID("6f1c3a52-5d0e-4c1b-9a55-3b8f4f0f7a10")

CITIZENS = [
    ("demo-naturalist-hotaru@example.org", "菊川 ほたる"),
    ("demo-naturalist-kenroku@example.org", "兼六 みどり"),
    ("demo-naturalist-asano@example.org", "浅野 川人"),
    ("demo-naturalist-sai@example.org", "犀川 さくら"),
    ("demo-naturalist-nagamachi@example.org", "長町 用水"),
]
EXPERT = ("demo-expert-identifier@example.org", "OUIK 生物調査員")
RESEARCHER = ("demo-trusted-researcher@example.org", "金沢大学 研究者")

# (name, latitude, longitude, colour of the ground in the drawn photos)
PLACES = {
    "kuratsuki": ("鞍月用水（菊川）", 36.5523, 136.6575, (20, 30, 45)),
    "kenrokuen": ("兼六園", 36.5621, 136.6627, (70, 120, 60)),
    "nagamachi": ("長町・大野庄用水", 36.5630, 136.6485, (90, 110, 120)),
    "asano": ("浅野川（天神橋付近）", 36.5735, 136.6640, (100, 130, 150)),
    "sai": ("犀川（犀川大橋付近）", 36.5553, 136.6500, (110, 140, 160)),
    "castle": ("金沢城公園", 36.5652, 136.6592, (80, 110, 70)),
    "utatsuyama": ("卯辰山", 36.5745, 136.6770, (60, 90, 50)),
    "yuwaku": ("湯涌", 36.4870, 136.7480, (60, 80, 50)),
}

# (scientific name, place, month, how many, shape colour, life stage, plan)
# plan: "research" (agreed at species), "needs_id" (observer's ID only, or a coarser ID),
# "casual" (cultivated, or no date).
PLAN = [
    ("Luciola cruciata", "kuratsuki", 6, 10, (240, 240, 90), "adult", "research"),
    ("Aquatica lateralis", "kuratsuki", 7, 5, (250, 220, 80), "adult", "research"),
    ("Semisulcospira libertina", "kuratsuki", 5, 2, (90, 70, 50), "adult", "research"),
    ("Oryzias sakaizumii", "nagamachi", 8, 3, (200, 190, 150), "adult", "research"),
    ("Cyprinus carpio", "nagamachi", 9, 3, (220, 120, 40), "adult", "research"),
    ("Plecoglossus altivelis", "asano", 7, 2, (150, 160, 110), "adult", "research"),
    ("Alcedo atthis", "asano", 11, 4, (30, 130, 200), "adult", "research"),
    ("Motacilla alba", "sai", 3, 3, (240, 240, 240), "adult", "research"),
    ("Passer montanus", "castle", 10, 2, (140, 100, 60), "adult", "research"),
    ("Hypsipetes amaurotis", "kenrokuen", 2, 2, (110, 110, 120), "adult", "research"),
    ("Pinus thunbergii", "kenrokuen", 1, 2, (30, 80, 40), "", "research"),
    ("Acer palmatum", "kenrokuen", 11, 3, (200, 50, 30), "", "research"),
    ("Iris laevigata", "kenrokuen", 5, 1, (90, 60, 170), "flowering", "research"),
    ("Atrocalopteryx atrata", "kuratsuki", 8, 2, (20, 20, 30), "adult", "research"),
    ("Dryophytes japonicus", "kuratsuki", 6, 2, (90, 190, 60), "adult", "needs_id"),
    ("Anotogaster sieboldii", "sai", 8, 1, (40, 40, 20), "adult", "needs_id"),
    ("Procambarus clarkii", "nagamachi", 7, 3, (200, 40, 30), "adult", "needs_id"),
    ("Trachemys scripta", "sai", 6, 1, (60, 100, 40), "adult", "needs_id"),
    ("Phyllostachys edulis", "utatsuyama", 4, 1, (120, 160, 60), "", "needs_id"),
    ("Thujopsis dolabrata", "yuwaku", 9, 1, (50, 90, 60), "", "needs_id"),
    ("Toxicodendron vernicifluum", "yuwaku", 10, 2, (180, 90, 40), "", "research"),
    ("Acer palmatum", "castle", 11, 1, (220, 70, 30), "", "casual"),
    ("Iris laevigata", "kenrokuen", 6, 1, (100, 60, 180), "flowering", "casual"),
    # Sensitive and threatened: the public sees a random point in the 0.2° cell.
    ("Hynobius takedai", "utatsuyama", 3, 1, (80, 60, 40), "adult", "research"),
    ("Luehdorfia japonica", "utatsuyama", 4, 2, (240, 210, 60), "adult", "research"),
]


def _user(email: str, name: str, *roles: Role) -> User:
    user, created = User.objects.get_or_create(email=email, defaults={"full_name": name})
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    for role in roles:
        # The accounts' post_migrate sync makes only the staff and assessor groups.
        Group.objects.get_or_create(name=role.value)
        role_grant(user=user, role=role)
    return user


def _photo(rng: random.Random, ground, colour, firefly: bool) -> SimpleUploadedFile:
    image = Image.new("RGB", (480, 360), ground)
    draw = ImageDraw.Draw(image)
    for _ in range(40):  # leaves, ripples, stones
        x, y = rng.randrange(480), rng.randrange(360)
        shade = tuple(max(0, min(255, c + rng.randint(-25, 25))) for c in ground)
        draw.ellipse((x, y, x + rng.randint(8, 40), y + rng.randint(4, 20)), fill=shade)
    if firefly:
        for _ in range(rng.randint(6, 20)):
            x, y = rng.randrange(20, 460), rng.randrange(20, 340)
            draw.ellipse((x - 4, y - 4, x + 4, y + 4), fill=colour)
    else:
        x, y = rng.randrange(140, 300), rng.randrange(100, 220)
        draw.ellipse((x, y, x + rng.randint(60, 140), y + rng.randint(40, 100)), fill=colour)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return SimpleUploadedFile("demo.jpg", buffer.getvalue(), content_type="image/jpeg")


def load() -> None:
    taxa = {t.scientific_name: t for t in Taxon.objects.filter(rank__in=["species", "variety"])}
    if not taxa:
        return
    rng = random.Random(SEED)
    citizens = [_user(email, name) for email, name in CITIZENS]
    expert = _user(*EXPERT, Role.EXPERT_IDENTIFIER)
    _user(*RESEARCHER, Role.TRUSTED_RESEARCHER)
    now = timezone.now()
    number = 0
    for name, place, month, how_many, colour, life_stage, plan in PLAN:
        taxon = taxa.get(name)
        if taxon is None:
            continue
        locality, lat, lon, ground = PLACES[place]
        for _ in range(how_many):
            number += 1
            observation_uuid = uuid.uuid5(NAMESPACE, f"demo-observation-{number}")
            observer = citizens[number % len(citizens)]
            # Draw every random value even when the observation exists: the sequence, and so
            # the observations after it, stay the same on every load.
            year = 2024 + number % 3
            day, hour = rng.randint(1, 28), 20 if name.startswith(("Luciola", "Aquatica")) else 10
            point = (lat + rng.uniform(-0.0025, 0.0025), lon + rng.uniform(-0.0025, 0.0025))
            photo = _photo(rng, ground, colour, firefly=hour == 20)
            others = rng.sample([c for c in citizens if c != observer], 2)
            if Observation.objects.filter(uuid=observation_uuid).exists():
                continue
            observed_at = timezone.make_aware(datetime(year, month, day, hour, rng.randint(0, 59)))
            if observed_at > now:
                observed_at = observed_at.replace(year=year - 3)
            observation = observation_create(
                observer=observer,
                photos=[photo],
                observed_at=None if plan == "casual" and number % 2 else observed_at,
                latitude=round(point[0], 6),
                longitude=round(point[1], 6),
                uncertainty_m=rng.choice([5, 10, 20, 50]),
                count=rng.randint(1, 30) if hour == 20 else rng.randint(1, 3),
                life_stage=life_stage,
                is_cultivated=plan == "casual" and not number % 2,
                notes="デモ観察 / demo observation",
                taxon=taxon,
                locality=locality,
            )
            Observation.objects.filter(pk=observation.pk).update(
                uuid=observation_uuid, occurrence_id=f"urn:uuid:{observation_uuid}"
            )
            if plan == "research":
                identifier = expert if number % 3 == 0 else others[0]
                identification_add(
                    observation=observation,
                    user=identifier,
                    taxon=taxon,
                    comment="" if identifier != expert else "特徴がよく写っています。",
                )
            elif plan == "needs_id" and taxon.parent is not None and number % 2:
                identification_add(observation=observation, user=others[1], taxon=taxon.parent)
            elif plan == "casual":
                identification_add(observation=observation, user=others[0], taxon=taxon)
