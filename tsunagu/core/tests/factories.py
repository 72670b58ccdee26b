import factory

from tsunagu.core.models import Area, AreaKind, LocalTarget, PublicationStatus, Target


class LocalTargetFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = LocalTarget

    target = factory.LazyFunction(lambda: Target.objects.get(code="11.4"))
    number = factory.Sequence(lambda n: n + 1)
    title_ja = factory.Sequence(lambda n: f"ローカルターゲット{n}")
    title_en = factory.Sequence(lambda n: f"Local target {n}")
    status = PublicationStatus.PUBLISHED


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"{17300 + n}")
    kind = AreaKind.MUNICIPALITY
    name_ja = factory.Sequence(lambda n: f"町{n}")
    name_en = factory.Sequence(lambda n: f"Town {n}")
