import factory

from tsunagu.accounts.tests.factories import OrganisationFactory
from tsunagu.partners.models import Partner, PartnerStatus
from tsunagu.projects.models import Deliverable, Project, ProjectStatus, Resource, ResourceKind


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partner
        django_get_or_create = ("organisation",)

    organisation = factory.SubFactory(OrganisationFactory)
    status = PartnerStatus.ACTIVE
    contact_name = "担当者"
    contact_email = factory.Sequence(lambda n: f"contact{n}@example.org")


class ProjectFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Project

    slug = factory.Sequence(lambda n: f"project-{n}")
    title_ja = factory.Sequence(lambda n: f"プロジェクト{n}")
    title_en = factory.Sequence(lambda n: f"Project {n}")
    description_ja = "地域の取り組み"
    lead_partner = factory.SubFactory(PartnerFactory)
    status = ProjectStatus.ACTIVE


class DeliverableFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Deliverable

    project = factory.SubFactory(ProjectFactory)
    title = factory.Sequence(lambda n: f"成果物{n}")
    order = factory.Sequence(lambda n: n)


class ResourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resource

    project = factory.SubFactory(ProjectFactory)
    kind = ResourceKind.STAFF
    description = "ボランティア"
    person_days = 10
