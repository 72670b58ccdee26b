from datetime import timedelta

import factory
from django.utils import timezone

from tsunagu.events.models import (
    Event,
    EventKind,
    EventSeries,
    EventStatus,
    Question,
    QuestionKind,
    Registration,
    RegistrationStatus,
)


class EventSeriesFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EventSeries
        django_get_or_create = ("slug",)

    slug = "sdgs-cafe"
    name_ja = "SDGsカフェ"
    name_en = "SDGs Café"
    kind = EventKind.SDGS_CAFE


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    title_ja = factory.Sequence(lambda n: f"ワークショップ{n}")
    title_en = factory.Sequence(lambda n: f"Workshop {n}")
    kind = EventKind.WORKSHOP
    starts_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=14))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + timedelta(hours=2))
    place = "金沢市役所"
    status = EventStatus.PUBLISHED


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    event = factory.SubFactory(EventFactory)
    name = factory.Sequence(lambda n: f"Person {n}")
    email = factory.Sequence(lambda n: f"person{n}@example.org")
    status = RegistrationStatus.CONFIRMED


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    event = factory.SubFactory(EventFactory)
    text_ja = factory.Sequence(lambda n: f"質問{n}")
    text_en = factory.Sequence(lambda n: f"Question {n}")
    kind = QuestionKind.SHORT_TEXT
    order = factory.Sequence(lambda n: n)
