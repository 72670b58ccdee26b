"""Conflicts of interest: an assessor is never assigned to an application of an applicant they
declared a conflict with (for grants, or in tourism with an operator linked to the applicant),
nor to their own or their organisation's; staff see why."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from tsunagu.accounts.models import ReviewAssignment
from tsunagu.accounts.roles import Role
from tsunagu.accounts.tests.factories import OrganisationFactory, UserFactory
from tsunagu.partners.models import Partner
from tsunagu.tourism.models import ConflictOfInterest, Operator
from tsunagu.tourism_grants.models import GrantConflict
from tsunagu.tourism_grants.services import (
    assessor_assign,
    can_score,
    conflict_declare,
    scores_record,
)
from tsunagu.tourism_grants.tests.factories import CriterionFactory, SubmittedApplicationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def staff():
    return UserFactory(roles=[Role.CITY_STAFF])


@pytest.fixture
def assessor():
    return UserFactory(full_name="Aoi Assessor", roles=[Role.ASSESSOR])


@pytest.fixture
def organisation():
    return OrganisationFactory()


@pytest.fixture
def application(organisation):
    applicant = UserFactory()
    applicant.organisations.add(organisation)
    return SubmittedApplicationFactory(applicant=applicant, organisation=organisation)


def test_declared_assessor_is_not_assigned(application, assessor, staff):
    conflict_declare(
        assessor=assessor, application=application, declared_by=assessor, note="my cousin"
    )
    with pytest.raises(ValidationError, match="Aoi Assessor declared a conflict of interest"):
        assessor_assign(application=application, assessor=assessor, assigned_by=staff)
    assert not ReviewAssignment.objects.exists()
    conflict = GrantConflict.objects.get()
    assert (conflict.applicant, conflict.organisation) == (
        application.applicant,
        application.organisation,
    )
    assert conflict.note == "my cousin"


def test_the_declaration_covers_the_person_and_the_organisation(application, assessor, staff):
    conflict_declare(assessor=assessor, application=application, declared_by=staff)
    same_person = SubmittedApplicationFactory(applicant=application.applicant)
    colleague = UserFactory()
    colleague.organisations.add(application.organisation)
    same_organisation = SubmittedApplicationFactory(
        applicant=colleague, organisation=application.organisation
    )
    for other in (same_person, same_organisation):
        with pytest.raises(ValidationError):
            assessor_assign(application=other, assessor=assessor, assigned_by=staff)
    unrelated = SubmittedApplicationFactory()
    assessor_assign(application=unrelated, assessor=assessor, assigned_by=staff)
    assert can_score(assessor, unrelated)


def test_an_individual_declaration_does_not_cover_the_organisation(assessor, staff):
    individual = SubmittedApplicationFactory()
    conflict_declare(assessor=assessor, application=individual, declared_by=assessor)
    assert GrantConflict.objects.get().organisation is None
    assessor_assign(application=SubmittedApplicationFactory(), assessor=assessor, assigned_by=staff)


def test_the_applicant_and_their_colleagues_never_assess(application, staff):
    application.applicant.groups.add(*UserFactory(roles=[Role.ASSESSOR]).groups.all())
    with pytest.raises(ValidationError, match="cannot assess their own application"):
        assessor_assign(application=application, assessor=application.applicant, assigned_by=staff)
    colleague = UserFactory(full_name="Ken Colleague", roles=[Role.ASSESSOR])
    colleague.organisations.add(application.organisation)
    with pytest.raises(ValidationError, match="Ken Colleague is a member of the applying"):
        assessor_assign(application=application, assessor=colleague, assigned_by=staff)
    assert not ReviewAssignment.objects.exists()


def test_tourism_declarations_count_when_the_applicant_acts_for_the_operator(
    application, assessor, staff
):
    operator = Operator.objects.create(
        name="Asanogawa Inn", slug="asanogawa-inn", type="accommodation"
    )
    ConflictOfInterest.objects.create(assessor=assessor, operator=operator)
    assessor_assign(application=application, assessor=assessor, assigned_by=staff)  # unlinked
    other = SubmittedApplicationFactory()
    operator.members.add(other.applicant)
    with pytest.raises(ValidationError, match="Asanogawa Inn, a tourism operator linked"):
        assessor_assign(application=other, assessor=assessor, assigned_by=staff)


def test_tourism_declarations_count_through_the_operators_partner_organisation(
    application, assessor, staff
):
    partner = Partner.objects.create(
        organisation=application.organisation, contact_name="Hana", contact_email="h@example.org"
    )
    operator = Operator.objects.create(
        name="Canal Walks", slug="canal-walks", type="tour_operator", partner=partner
    )
    ConflictOfInterest.objects.create(assessor=assessor, operator=operator)
    with pytest.raises(ValidationError, match="Canal Walks"):
        assessor_assign(application=application, assessor=assessor, assigned_by=staff)


def test_declaring_after_assignment_withdraws_from_open_applications_only(
    application, assessor, staff
):
    criterion = CriterionFactory(call=application.call)
    decided = SubmittedApplicationFactory(applicant=application.applicant, call=application.call)
    for item in (application, decided):
        assessor_assign(application=item, assessor=assessor, assigned_by=staff)
        scores_record(application=item, assessor=assessor, scores={criterion.pk: 4})
    decided.status = "awarded"
    decided.save()
    conflict_declare(assessor=assessor, application=application, declared_by=assessor)
    assert not can_score(assessor, application)
    assert not application.scores.exists()
    assert decided.scores.count() == 1  # a decision already made keeps its history
    assert ReviewAssignment.objects.get().object_id == decided.pk
    with pytest.raises(PermissionDenied):
        scores_record(application=application, assessor=assessor, scores={criterion.pk: 5})


def test_who_may_declare(application, assessor):
    with pytest.raises(PermissionDenied):
        conflict_declare(assessor=assessor, application=application, declared_by=UserFactory())
    plain = UserFactory()
    with pytest.raises(ValidationError, match="is not an assessor"):
        conflict_declare(assessor=plain, application=application, declared_by=plain)
    assert not GrantConflict.objects.exists()


def test_declaring_twice_keeps_one_declaration(application, assessor):
    conflict_declare(assessor=assessor, application=application, declared_by=assessor)
    conflict_declare(assessor=assessor, application=application, declared_by=assessor)
    assert GrantConflict.objects.count() == 1


def _detail(application):
    return reverse("tourism_grants:application_detail", args=[application.pk])


def test_staff_see_the_conflict_and_the_refusal_over_http(client, application, assessor, staff):
    conflict_declare(assessor=assessor, application=application, declared_by=assessor)
    client.force_login(staff)
    page = client.get(_detail(application)).content.decode()
    assert "Aoi Assessor — conflict of interest" in page
    assert "Aoi Assessor declared a conflict of interest with this applicant." in page
    response = client.post(
        reverse("tourism_grants:assessor_assign", args=[application.pk]),
        {"assessor": assessor.pk},
        follow=True,
    )
    assert (
        'message--error">Aoi Assessor declared a conflict of interest with this applicant.'
        in response.content.decode()
    )
    assert not ReviewAssignment.objects.exists()


def test_staff_record_a_conflict_for_an_assessor_over_http(client, application, assessor, staff):
    client.force_login(staff)
    response = client.post(
        reverse("tourism_grants:conflict_declare", args=[application.pk]),
        {"assessor": assessor.pk, "note": "Former employee"},
    )
    assert response.status_code == 302
    assert response.url == _detail(application)
    conflict = GrantConflict.objects.get()
    assert (conflict.assessor, conflict.declared_by, conflict.note) == (
        assessor,
        staff,
        "Former employee",
    )


def test_assigned_assessor_declares_over_http_and_leaves(client, application, assessor, staff):
    assessor_assign(application=application, assessor=assessor, assigned_by=staff)
    client.force_login(assessor)
    assert 'data-testid="conflict-form"' in client.get(_detail(application)).content.decode()
    response = client.post(
        reverse("tourism_grants:conflict_declare", args=[application.pk]), {"note": "friend"}
    )
    assert response.status_code == 302
    assert response.url == reverse("accounts:review_list")
    assert GrantConflict.objects.get().assessor == assessor
    assert client.get(_detail(application)).status_code == 403


def test_the_applicant_cannot_declare_over_http(client, application):
    client.force_login(application.applicant)
    response = client.post(reverse("tourism_grants:conflict_declare", args=[application.pk]))
    assert response.status_code == 403
    assert not GrantConflict.objects.exists()
