"""Pages from the outside: anonymous, applicant, other user, assessor assigned or not, staff."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.programmes import services
from tsunagu.programmes.models import Application, ApplicationStatus
from tsunagu.programmes.tests.factories import CallFactory, ProgrammeFactory, pdf_upload


@pytest.fixture
def applicant(db):
    return UserFactory(email="applicant@example.org")


@pytest.fixture
def application(submit, applicant):
    return submit(applicant, documents=[pdf_upload()])


@pytest.fixture
def as_applicant(client, applicant):
    client.force_login(applicant)
    return client


def test_list_and_detail_hide_unpublished_programmes(client_as, call):
    hidden = ProgrammeFactory(is_published=False, title_ja="非公開の事業")
    anonymous = client_as(None)
    page = anonymous.get(reverse("programmes:programme_list")).content.decode()
    assert call.programme.title_ja in page
    assert "非公開の事業" not in page
    assert anonymous.get(hidden.get_absolute_url()).status_code == 404
    assert client_as("city_staff").get(hidden.get_absolute_url()).status_code == 200
    assert anonymous.get(reverse("programmes:call_detail", args=[call.pk])).status_code == 200


def test_apply_needs_an_account(client_as, call):
    response = client_as(None).get(reverse("programmes:call_apply", args=[call.pk]))
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_apply_through_the_form(as_applicant, call):
    response = as_applicant.post(
        reverse("programmes:call_apply", args=[call.pk]),
        {
            "full_name": "金沢 花子",
            "date_of_birth": "1996-01-02",
            "statement": "志望動機",
            "documents": [pdf_upload()],
        },
    )
    assert response.status_code == 302
    assert Application.objects.get().documents.count() == 1


def test_a_bad_upload_through_the_form_writes_nothing(as_applicant, call):
    from tsunagu.programmes.tests.factories import fake_pdf_upload

    response = as_applicant.post(
        reverse("programmes:call_apply", args=[call.pk]),
        {
            "full_name": "金沢 花子",
            "date_of_birth": "1996-01-02",
            "statement": "志望動機",
            "documents": [pdf_upload(), fake_pdf_upload("evil.pdf")],
        },
    )
    assert response.status_code == 400
    assert "evil.pdf" in response.content.decode()
    assert not Application.objects.exists()


def test_a_closed_call_says_so_and_refuses(as_applicant):
    closed = CallFactory(
        opens_at=timezone.now() - timedelta(days=10), deadline=timezone.now() - timedelta(days=1)
    )
    page = as_applicant.get(reverse("programmes:call_detail", args=[closed.pk]))
    assert b'data-testid="call-closed"' in page.content
    response = as_applicant.post(
        reverse("programmes:call_apply", args=[closed.pk]),
        {"full_name": "x", "date_of_birth": "1996-01-02", "statement": "x"},
        follow=True,
    )
    assert b"call-closed" in response.content
    assert not Application.objects.exists()


def test_my_applications_shows_only_mine_with_decision_and_reason(
    as_applicant, application, users, client_as
):
    services.application_decide(
        application=application, decision="awarded", reason="見事な作品", by=users["city_staff"]
    )
    page = as_applicant.get(reverse("programmes:my_applications")).content.decode()
    assert 'data-status="awarded"' in page
    assert "見事な作品" in page
    other = client_as("plain_user").get(reverse("programmes:my_applications")).content.decode()
    assert "見事な作品" not in other


@pytest.mark.parametrize(
    ("role", "queue", "page"),
    [
        (None, 302, 302),
        ("plain_user", 403, 403),
        ("partner_member", 403, 403),
        ("assessor", 200, 404),  # not assigned
        ("city_staff", 200, 200),
        ("administrator", 200, 200),
    ],
)
def test_review_pages_by_role(client_as, application, role, queue, page):
    client = client_as(role)
    assert client.get(reverse("programmes:review_queue")).status_code == queue
    url = reverse("programmes:application_review", args=[application.pk])
    assert client.get(url).status_code == page


def test_the_applicant_cannot_open_the_review_page(as_applicant, application):
    url = reverse("programmes:application_review", args=[application.pk])
    assert as_applicant.get(url).status_code == 403


def test_assessor_sees_only_assigned_and_scores_but_cannot_decide(
    client_as, application, users, submit
):
    other_application = submit(UserFactory(full_name="別の応募者"))
    services.assessor_assign(
        application=application, reviewer=users["assessor"], by=users["city_staff"]
    )
    assessor = client_as("assessor")
    queue = assessor.get(reverse("programmes:review_queue")).content.decode()
    assert application.full_name in queue
    assert "別の応募者" not in queue
    url = reverse("programmes:application_review", args=[other_application.pk])
    assert assessor.get(url).status_code == 404
    page = assessor.get(reverse("programmes:application_review", args=[application.pk]))
    assert b"score-form" in page.content
    assert b"decision-form" not in page.content
    scores = {f"score_{c}": 3 for c in ("quality", "plan", "contribution")}
    response = assessor.post(reverse("programmes:application_score", args=[application.pk]), scores)
    assert response.status_code == 302
    assert application.scores.count() == 3
    decide = reverse("programmes:application_decide", args=[application.pk])
    assert assessor.post(decide, {"decision": "awarded", "reason": "x"}).status_code == 403
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


def test_staff_assign_and_decide_through_the_pages(client_as, application, users):
    staff = client_as("city_staff")
    response = staff.post(
        reverse("programmes:application_assign", args=[application.pk]),
        {"reviewer": users["assessor"].pk},
    )
    assert response.status_code == 302
    assert users["assessor"].review_assignments.count() == 1
    response = staff.post(
        reverse("programmes:application_decide", args=[application.pk]),
        {"decision": "waitlisted", "reason": ""},
    )
    assert response.status_code == 400
    response = staff.post(
        reverse("programmes:application_decide", args=[application.pk]),
        {"decision": "waitlisted", "reason": "補欠"},
    )
    assert response.status_code == 302
    application.refresh_from_db()
    assert (application.status, application.decision_reason) == ("waitlisted", "補欠")


def test_documents_are_served_only_to_those_who_may_see_them(
    client_as, as_applicant, application, users
):
    url = reverse("programmes:document_download", args=[application.documents.get().pk])
    assert as_applicant.get(url).status_code == 200
    assert client_as(None).get(url).status_code == 404
    assert client_as("plain_user").get(url).status_code == 404
    assert client_as("assessor").get(url).status_code == 404
    assert client_as("city_staff").get(url).status_code == 200
    services.assessor_assign(
        application=application, reviewer=users["assessor"], by=users["city_staff"]
    )
    response = client_as("assessor").get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


def test_api_lists_only_published_programmes_and_calls(client, call):
    ProgrammeFactory(is_published=False, slug="hidden")
    slugs = [p["slug"] for p in client.get("/api/v1/crafts/programmes/").json()]
    assert slugs == [call.programme.slug]
    assert client.get("/api/v1/crafts/programmes/hidden").status_code == 404
    calls = client.get("/api/v1/crafts/programmes/calls").json()
    assert [c["id"] for c in calls] == [call.pk]
