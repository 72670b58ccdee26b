from pathlib import Path

import pytest
from django.urls import reverse

from tsunagu.tourism.models import ApplicationStatus
from tsunagu.tourism.services.reviews import application_decide, conflict_declare
from tsunagu.tourism.tests.factories import in_panel, pdf_upload, score_all


@pytest.fixture
def people(users, member, staff, assessor):
    from django.test import Client

    from tsunagu.accounts.roles import Role
    from tsunagu.accounts.tests.factories import UserFactory

    conflicted = UserFactory(email="conflicted@example.org", roles=[Role.ASSESSOR])
    accounts = {
        "anonymous": None,
        "plain_user": users["plain_user"],
        "member": member,
        "assessor": assessor,
        "conflicted": conflicted,
        "staff": staff,
        "administrator": users["administrator"],
    }

    def client(role):
        c = Client()
        if accounts[role] is not None:
            c.force_login(accounts[role])
        return c

    client.accounts = accounts
    return client


@pytest.fixture
def application(version, operator, member, staff, assessor, people):
    conflict_declare(assessor=people.accounts["conflicted"], operator=operator)
    return in_panel(version, operator, member, staff, assessor)


EXPECTED = {
    "anonymous": False,
    "plain_user": False,
    "member": True,
    "assessor": True,
    "conflicted": False,
    "staff": True,
    "administrator": True,
}


@pytest.mark.parametrize("role", EXPECTED)
def test_application_and_evidence_only_for_involved_people(role, people, application):
    evidence = application.evidence.get()
    page = people(role).get(reverse("tourism:application_review", args=[application.pk]))
    download = people(role).get(reverse("tourism:evidence_download", args=[evidence.pk]))
    if EXPECTED[role]:
        assert page.status_code == 200
        assert download.status_code == 200
        assert b"".join(download.streaming_content).startswith(b"%PDF-")
        assert download["Cache-Control"] == "private, no-store"
    else:
        assert page.status_code in (302, 404)
        assert download.status_code in (302, 404)


def test_evidence_not_under_media_root(application, settings):
    path = Path(application.evidence.get().file.path)
    assert Path(settings.MEDIA_ROOT) not in path.parents


def test_conflicted_assessor_cannot_be_assigned_over_http(people, application):
    conflicted = people.accounts["conflicted"]
    response = people("staff").post(
        reverse("tourism:application_act", args=[application.pk]),
        {"action": "assign", "assessor": conflicted.pk},
        follow=True,
    )
    assert "conflict" in response.content.decode() or "利益相反" in response.content.decode()
    assert (
        people("conflicted")
        .get(reverse("tourism:application_review", args=[application.pk]))
        .status_code
        == 404
    )


@pytest.mark.parametrize("role", ["plain_user", "member", "assessor"])
def test_only_staff_send_back(role, people, version, operator, member):
    from tsunagu.tourism.tests.factories import submitted_application

    application = submitted_application(version, operator, member)
    response = people(role).post(
        reverse("tourism:application_act", args=[application.pk]),
        {"action": "send_back", "comments": "no"},
    )
    assert response.status_code in (403, 404)
    application.refresh_from_db()
    assert application.status == ApplicationStatus.SUBMITTED


def test_operator_uploads_and_saves_draft(people, version, operator, member):
    from tsunagu.tourism.services.applications import application_create

    application = application_create(operator=operator, version=version, by=member)
    response = people("member").post(
        reverse("tourism:application_edit", args=[application.pk]),
        {
            "indicators": ["1", "2"],
            "answer-1.1": "met",
            "explanation-1.1": "Meters",
            "evidence": pdf_upload(),
            "action": "save",
        },
    )
    assert response.status_code == 302
    assert application.answers.get().answer == "met"
    assert application.evidence.count() == 1
    other = people("plain_user").post(
        reverse("tourism:application_edit", args=[application.pk]), {"action": "save"}
    )
    assert other.status_code == 404


def test_register_and_certificate_page(people, application, staff, assessor):
    score_all(application, assessor)
    application_decide(application=application, by=staff, reasons={})
    certificate = application.certificate
    register = people("anonymous").get(reverse("tourism:register"))
    assert certificate.number in register.content.decode()
    filtered = people("anonymous").get(reverse("tourism:register"), {"indicator": "5"})
    assert certificate.number not in filtered.content.decode()
    page = people("anonymous").get(reverse("tourism:certificate_detail", args=[certificate.number]))
    assert page.status_code == 200
    assert b"<svg" in page.content
    assert b"certificate_status" not in page.content
    from tsunagu.tourism.services.certificates import certificate_status_set

    certificate_status_set(certificate=certificate, by=staff, status="suspended", reason="check")
    assert (
        certificate.number
        not in people("anonymous").get(reverse("tourism:register")).content.decode()
    )
    page = people("anonymous").get(reverse("tourism:certificate_detail", args=[certificate.number]))
    assert "check" in page.content.decode()


@pytest.mark.parametrize(
    "path", ["/tourism/", "/en/tourism/", "/tourism/register/", "/en/tourism/register/"]
)
def test_public_pages(path, client, version):
    response = client.get(path)
    assert response.status_code == 200


def test_queue_for_staff_and_assigned_assessor_only(people, application):
    link = reverse("tourism:application_review", args=[application.pk])
    assert link in people("staff").get(reverse("tourism:queue")).content.decode()
    assert link in people("assessor").get(reverse("tourism:queue")).content.decode()
    assert link not in people("conflicted").get(reverse("tourism:queue")).content.decode()
    assert people("plain_user").get(reverse("tourism:queue")).status_code == 403


def test_assessor_declares_conflict_over_http(people, operator):
    from tsunagu.tourism.models import ConflictOfInterest

    response = people("assessor").post(
        reverse("tourism:conflict_create"), {"operator": operator.slug, "note": "friend"}
    )
    assert response.status_code == 302
    assert ConflictOfInterest.objects.filter(
        assessor=people.accounts["assessor"], operator=operator
    ).exists()
    assert (
        people("plain_user")
        .post(reverse("tourism:conflict_create"), {"operator": operator.slug})
        .status_code
        == 403
    )


@pytest.fixture
def certificate(application, staff, assessor):
    score_all(application, assessor)
    application_decide(application=application, by=staff, reasons={})
    return application.certificate


@pytest.mark.parametrize(("role", "allowed"), [("member", True), ("plain_user", False)])
def test_only_members_extend(role, allowed, people, certificate):
    response = people(role).post(
        reverse("tourism:certificate_renew", args=[certificate.number]),
        {"statement": "We continue"},
    )
    certificate.refresh_from_db()
    assert certificate.extended is allowed
    assert response.status_code == (302 if allowed else 403)


@pytest.mark.parametrize(("role", "allowed"), [("staff", True), ("member", False)])
def test_only_staff_suspend(role, allowed, people, certificate):
    response = people(role).post(
        reverse("tourism:certificate_status", args=[certificate.number]),
        {"status": "suspended", "reason": "complaint"},
    )
    certificate.refresh_from_db()
    assert (certificate.status == "suspended") is allowed
    assert response.status_code == (302 if allowed else 403)
