"""Admin pages open; the recipient's report through the page; staff review it."""

import pytest
from django.urls import reverse

from tsunagu.tourism_grants import demo
from tsunagu.tourism_grants.models import GrantApplication, GrantReport
from tsunagu.tourism_grants.services import award_decide
from tsunagu.tourism_grants.tests.factories import SubmittedApplicationFactory, png_upload

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("model", ["grantcall", "grantapplication", "award", "grantreport"])
def test_admin_lists_and_forms_open(client_as, model):
    demo.load()
    client = client_as("administrator")
    assert client.get(reverse(f"admin:tourism_grants_{model}_changelist")).status_code == 200
    obj = {
        "grantcall": lambda: demo.GrantCall.objects.first(),
        "grantapplication": lambda: GrantApplication.objects.first(),
        "award": lambda: GrantApplication.objects.filter(status="awarded").first().award,
        "grantreport": lambda: GrantReport.objects.first(),
    }[model]()
    url = reverse(f"admin:tourism_grants_{model}_change", args=[obj.pk])
    assert client.get(url).status_code == 200


def test_recipient_reports_through_the_page_and_staff_accept(client_as, users):
    application = SubmittedApplicationFactory(applicant=users["partner_member"])
    award_decide(application=application, amount_yen=300_000, decided_by=users["city_staff"])
    url = reverse("tourism_grants:report_submit", args=[application.pk])
    data = {"text": "Twelve evenings held.", "figures": "evenings, 12\nguests, 240, people"}
    assert client_as("plain_user").post(url, data).status_code == 403
    assert client_as("city_staff").post(url, data).status_code == 403
    client_as("partner_member").post(url, {**data, "attachments": [png_upload()]})
    report = GrantReport.objects.get()
    assert report.figures[1] == {"label": "guests", "value": 240, "unit": "people"}
    assert report.attachments.count() == 1
    attachment_url = reverse(
        "tourism_grants:report_attachment_download", args=[report.attachments.get().pk]
    )
    assert client_as("plain_user").get(attachment_url).status_code == 403
    assert client_as("city_staff").get(attachment_url).status_code == 200

    review_url = reverse("tourism_grants:report_review", args=[application.pk])
    assert client_as("partner_member").post(review_url, {"decision": "accept"}).status_code == 403
    client_as("city_staff").post(review_url, {"decision": "accept"})
    report.refresh_from_db()
    assert report.status == "accepted"
    page = client_as("partner_member").get(
        reverse("tourism_grants:application_detail", args=[application.pk])
    )
    assert b"Twelve evenings held." in page.content
