import factory

from tsunagu.accounts.models import Organisation, OrganisationKind, User
from tsunagu.accounts.services import role_grant


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    full_name = factory.Faker("name")
    password = factory.django.Password("correct horse battery staple")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        for role in extracted or ():
            role_grant(user=self, role=role)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"organisation-{n}")
    name_ja = factory.Sequence(lambda n: f"団体{n}")
    name_en = factory.Sequence(lambda n: f"Organisation {n}")
    kind = OrganisationKind.NPO
    status = "published"
