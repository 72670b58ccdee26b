"""Permissions from the outside: anonymous, applicant, other user, assessor assigned or not,
city staff and administrator."""

import pytest
from django.urls import reverse

from tsunagu.accounts.roles import Role
from tsunagu.accounts.services import review_assign
from tsunagu.accounts.tests.factories import OrganisationFactory, UserFactory
from tsunagu.tourism_grants.models import Award
from tsunagu.tourism_grants.services import award_decide
from tsunagu.tourism_grants.tests.factories import (
    CriterionFactory,
    GrantCallFactory,
    SubmittedApplicationFactory,
    fake_pdf_upload,
    pdf_upload,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(users):
    organisation = OrganisationFactory(name_ja="町家の宿", name_en="Machiya Inn")
    applicant = users["partner_member"]
    applicant.organisations.add(organisation)
    application = SubmittedApplicationFactory(applicant=applicant, organisation=organisation)
    CriterionFactory(call=application.call)
    review_assign(reviewer=users["assessor"], obj=application)
    return application


def _detail(application):
    return reverse("tourism_grants:application_detail", args=[application.pk])


def test_public_pages_for_everyone(client_as, application, users):
    award_decide(application=application, amount_yen=700_000, decided_by=users["city_staff"])
    client = client_as(None)
    assert client.get(reverse("tourism_grants:call_list")).status_code == 200
    detail = client.get(reverse("tourism_grants:call_detail", args=[application.call.slug]))
    assert "Machiya Inn" in detail.content.decode() or "町家の宿" in detail.content.decode()
    awards = client.get(reverse("tourism_grants:award_list")).content.decode()
    assert "町家の宿" in awards
    assert "¥700,000" in awards
    assert application.applicant.email not in awards
    csv = client.get(reverse("tourism_grants:award_csv")).content.decode()
    assert "700000" in csv
    assert "町家の宿" in csv


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("partner_member", 200),  # the applicant
        ("plain_user", 403),
        ("assessor", 200),  # assigned
        ("city_staff", 200),
        ("administrator", 200),
    ],
)
def test_application_detail(client_as, application, role, status):
    assert client_as(role).get(_detail(application)).status_code == status


def test_anonymous_is_sent_to_sign_in(client_as, application):
    response = client_as(None).get(_detail(application))
    assert response.status_code == 302
    assert "login" in response.url


def test_unassigned_assessor_is_refused(application):
    from django.test import Client

    client = Client()
    client.force_login(UserFactory(roles=[Role.ASSESSOR]))
    assert client.get(_detail(application)).status_code == 403
    response = client.post(
        reverse("tourism_grants:scores_record", args=[application.pk]),
        {f"score-{application.call.criteria.get().pk}": 3},
    )
    assert response.status_code == 403
    assert not application.scores.exists()


def test_assigned_assessor_scores_through_the_page(client_as, application):
    criterion = application.call.criteria.get()
    client_as("assessor").post(
        reverse("tourism_grants:scores_record", args=[application.pk]),
        {f"score-{criterion.pk}": 4, f"comment-{criterion.pk}": "Clear plan"},
    )
    assert application.scores.get().score == 4


@pytest.mark.parametrize("role", ["partner_member", "plain_user", "assessor"])
def test_only_staff_award(client_as, application, role):
    url = reverse("tourism_grants:award_decide", args=[application.pk])
    response = client_as(role).post(url, {"amount_yen": 500_000})
    assert response.status_code == 403
    assert not Award.objects.exists()
    assert (
        client_as(role)
        .get(reverse("tourism_grants:call_review", args=[application.call.slug]))
        .status_code
        == 403
    )


def test_staff_award_and_see_the_remaining_budget(client_as, application):
    client = client_as("city_staff")
    client.post(
        reverse("tourism_grants:award_decide", args=[application.pk]), {"amount_yen": 600_000}
    )
    assert Award.objects.get().amount_yen == 600_000
    page = client.get(reverse("tourism_grants:call_review", args=[application.call.slug]))
    assert "¥2,400,000" in page.content.decode()
    response = client.post(
        reverse("tourism_grants:payment_record", args=[application.pk]),
        {"amount_yen": 700_000, "paid_on": "2026-07-01"},
        follow=True,
    )
    assert Award.objects.get().paid_yen == 0
    assert "¥600,000" in response.content.decode()


def test_documents_are_private(client_as, application, users):
    document = application.documents.create(
        original_name="plan.pdf", content_type="application/pdf"
    )
    document.file.save("plan.pdf", pdf_upload(), save=True)
    url = reverse("tourism_grants:document_download", args=[document.pk])
    assert client_as(None).get(url).status_code == 302
    assert client_as("plain_user").get(url).status_code == 403
    response = client_as("partner_member").get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_apply_through_the_page(client_as, users):
    call = GrantCallFactory()
    client = client_as("plain_user")
    url = reverse("tourism_grants:application_create", args=[call.slug])
    assert client_as(None).get(url).status_code == 302
    data = {
        "project_title": "Craft evenings",
        "description": "Residents and guests make crafts together.",
        "requested_yen": 300_000,
        "goals": [11],
        "budget_lines": "Materials, 300000",
        "submit": "1",
    }
    response = client.post(url, {**data, "documents": [pdf_upload(), fake_pdf_upload()]})
    assert response.status_code == 400
    assert "virus.pdf" in response.content.decode()
    assert not call.applications.exists()
    response = client.post(url, {**data, "documents": [pdf_upload()]})
    application = call.applications.get()
    assert response.status_code == 302
    assert application.status == "submitted"
    assert application.documents.count() == 1
    mine = client.get(reverse("tourism_grants:my_applications")).content.decode()
    assert "Craft evenings" in mine
    other = client_as("partner_member").get(reverse("tourism_grants:my_applications"))
    assert "Craft evenings" not in other.content.decode()


def test_apply_after_the_deadline_is_refused(client_as):
    from datetime import timedelta

    from django.utils import timezone

    call = GrantCallFactory(deadline=timezone.now() - timedelta(hours=1))
    response = client_as("plain_user").post(
        reverse("tourism_grants:application_create", args=[call.slug]),
        {"project_title": "Late", "requested_yen": 1000, "draft": "1"},
    )
    assert response.status_code == 400
    assert not call.applications.exists()


def test_other_user_cannot_edit_a_draft(client_as, users):
    call = GrantCallFactory()
    draft = SubmittedApplicationFactory(call=call, applicant=users["plain_user"], status="draft")
    url = reverse("tourism_grants:application_edit", args=[draft.pk])
    assert client_as("plain_user").get(url).status_code == 200
    assert client_as("partner_member").get(url).status_code == 403
    assert client_as("city_staff").get(url).status_code == 403
