from datetime import timedelta

import factory
from django.utils import timezone

from tsunagu.crafts.models import Craft, Workshop
from tsunagu.experiences.models import Experience, Slot


class CraftFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Craft
        django_get_or_create = ("slug",)

    slug = "gold-leaf"
    name_ja = "金箔"
    name_en = "Gold leaf"


class WorkshopFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workshop
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"workshop-{n}")
    name_ja = factory.Sequence(lambda n: f"工房{n}")
    name_en = factory.Sequence(lambda n: f"Studio {n}")
    address_en = "1-1 Higashiyama, Kanazawa"

    @factory.post_generation
    def crafts(self, create, extracted, **kwargs):
        for craft in extracted or [CraftFactory()]:
            self.crafts.add(craft)


class ExperienceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Experience

    workshop = factory.SubFactory(WorkshopFactory)
    slug = factory.Sequence(lambda n: f"experience-{n}")
    title_ja = factory.Sequence(lambda n: f"体験{n}")
    title_en = factory.Sequence(lambda n: f"Experience {n}")
    duration_minutes = 90
    price_per_person = 3500
    max_group_size = 6
    languages = "ja,en"
    free_cancellation_hours = 24
    is_published = True


class SlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Slot

    experience = factory.SubFactory(ExperienceFactory)
    start = factory.LazyFunction(
        lambda: (timezone.now() + timedelta(days=3)).replace(second=0, microsecond=0)
    )
    end = factory.LazyAttribute(lambda slot: slot.start + timedelta(minutes=90))
    capacity = 8
