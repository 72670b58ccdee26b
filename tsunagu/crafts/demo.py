"""Demo content of the crafts app: the crafts of Kanazawa (real, with sources) and invented
workshops and artisans, each workshop run by a demo manager account that cannot log in
(demo-workshop-<slug>@example.org). Idempotent: running it again updates in place."""

from datetime import time

from django.contrib.auth import get_user_model
from django.db import transaction

from tsunagu.biocultural.models import CulturalElement, EcosystemService, Material
from tsunagu.biocultural.services import taxon_for_link, vocabularies_load
from tsunagu.crafts import demo_data
from tsunagu.crafts.models import Artisan, Craft, CraftMaterial, CraftSource, OpeningHours, Workshop

DEMO_MANAGER_EMAIL = "demo-workshop-{slug}@example.org"


def _materials() -> dict[str, Material]:
    for slug, (kind, name_ja, name_en) in demo_data.MATERIALS.items():
        if not Material.objects.filter(slug=slug).exists():
            material = Material(slug=slug, kind=kind)
            material.name_ja, material.name_en = name_ja, name_en
            material.save()
    return {m.slug: m for m in Material.objects.all()}


def _crafts() -> dict[str, Craft]:
    if not EcosystemService.objects.exists():
        vocabularies_load()
    services = {(s.vocabulary, s.code): s for s in EcosystemService.objects.all()}
    materials = _materials()
    taxa = {
        name: taxon_for_link(scientific_name=name, rank=rank, common_name_ja=ja, common_name_en=en)
        for name, (rank, ja, en) in demo_data.TAXA.items()
    }
    crafts = {}
    for order, (slug, data) in enumerate(demo_data.CRAFTS.items()):
        fields = {k: v for k, v in data.items() if k not in ("materials", "sources")}
        fields.setdefault("meti_designation_year", None)
        # The biocultural seed uses the same slugs for the crafts it describes.
        fields["cultural_element"] = CulturalElement.objects.filter(slug=slug).first()
        craft, _ = Craft.objects.update_or_create(slug=slug, defaults={**fields, "order": order})
        craft.materials.all().delete()
        for position, item in enumerate(data["materials"]):
            CraftMaterial.objects.create(
                craft=craft,
                order=position,
                name_ja=item["name_ja"],
                name_en=item["name_en"],
                note_ja=item["note_ja"],
                note_en=item["note_en"],
                taxon=taxa.get(item["taxon"]) if item["taxon"] else None,
                material=materials.get(item["material"]) if item["material"] else None,
                service=services.get(item["service"]) if item["service"] else None,
            )
        craft.sources.all().delete()
        for position, (title, url) in enumerate(data["sources"]):
            CraftSource.objects.create(craft=craft, title=title, url=url, order=position)
        crafts[slug] = craft
    return crafts


def _manager(slug: str):
    user_model = get_user_model()
    email = DEMO_MANAGER_EMAIL.format(slug=slug)
    user = user_model.objects.filter(email=email).first()
    if user is None:
        user = user_model.objects.create_user(email=email, password=None)
        user.full_name = "Demo workshop manager"
        user.save(update_fields=["full_name"])
    if user.has_usable_password():
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def _workshops(crafts: dict[str, Craft]) -> None:
    for slug, data in demo_data.WORKSHOPS.items():
        fields = {k: v for k, v in data.items() if k not in ("crafts", "hours", "artisans")}
        workshop, _ = Workshop.objects.update_or_create(
            slug=slug, defaults={**fields, "is_demo": True, "is_published": True}
        )
        workshop.crafts.set([crafts[c] for c in data["crafts"]])
        workshop.managers.add(_manager(slug))
        workshop.opening_hours.all().delete()
        days, opens, closes = data["hours"]
        OpeningHours.objects.bulk_create(
            OpeningHours(
                workshop=workshop,
                weekday=day,
                opens=time.fromisoformat(opens),
                closes=time.fromisoformat(closes),
            )
            for day in days
        )
        for artisan_slug, spec in data["artisans"].items():
            name_ja, name_en, certified, languages, bio_ja, bio_en, craft_slugs = spec
            artisan, _ = Artisan.objects.update_or_create(
                slug=artisan_slug,
                defaults={
                    "name_ja": name_ja,
                    "name_en": name_en,
                    "biography_ja": bio_ja,
                    "biography_en": bio_en,
                    "is_certified_traditional_craftsperson": certified,
                    "languages": languages,
                    "workshop": workshop,
                    "is_demo": True,
                },
            )
            artisan.crafts.set([crafts[c] for c in craft_slugs])


@transaction.atomic
def load() -> None:
    _workshops(_crafts())
