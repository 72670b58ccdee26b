from django.urls import reverse

from tsunagu.tourism.models import SchemeVersion
from tsunagu.tourism.services.applications import application_create


def test_used_version_is_read_only_and_can_be_copied(client_as, version, operator, member):
    admin = client_as("administrator")
    url = reverse("admin:tourism_schemeversion_change", args=[version.pk])
    assert b'name="min_indicators"' in admin.get(url).content
    application_create(operator=operator, version=version, by=member)
    page = admin.get(url)
    assert page.status_code == 200
    assert b'name="min_indicators"' not in page.content
    admin.post(
        reverse("admin:tourism_schemeversion_changelist"),
        {"action": "copy_version", "_selected_action": [version.pk]},
    )
    assert SchemeVersion.objects.filter(scheme=version.scheme, number=2).exists()


def test_admin_lists_open_for_administrator(client_as, version):
    admin = client_as("administrator")
    for model in ["scheme", "item", "operator", "application", "certificate", "tourproduct"]:
        assert admin.get(reverse(f"admin:tourism_{model}_changelist")).status_code == 200
