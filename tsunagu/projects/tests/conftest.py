import pytest

from tsunagu.projects.tests.factories import PartnerFactory, ProjectFactory


@pytest.fixture
def own_partner(organisation):
    """The partner whose organisation the `partner_member` user belongs to."""
    return PartnerFactory(organisation=organisation)


@pytest.fixture
def other_partner(other_organisation):
    return PartnerFactory(organisation=other_organisation)


@pytest.fixture
def own_project(own_partner):
    return ProjectFactory(lead_partner=own_partner, slug="own-project", title_ja="自分の事業")


@pytest.fixture
def other_project(other_partner):
    return ProjectFactory(lead_partner=other_partner, slug="other-project", title_ja="他団体の事業")
