"""The demo: labelled, idempotent, with the states and figures the brief asks for."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tsunagu.programmes import demo, selectors
from tsunagu.programmes.models import Application, Call, Programme


@pytest.mark.django_db
def test_demo_loads_twice_and_is_all_labelled(client):
    demo.load()
    demo.load()
    assert Programme.objects.count() == 5
    assert not Programme.objects.filter(is_demo=False).exists()
    trainee = get_user_model().objects.get(email=demo.TRAINEE_EMAIL)
    assert not trainee.has_usable_password()
    assert set(Application.objects.values_list("status", flat=True)) == {
        "submitted",
        "awarded",
        "rejected",
        "waitlisted",
    }
    assert any(
        call.is_open() for call in Call.objects.filter(programme__slug=demo.SCHOLARSHIP_SLUG)
    )
    rows = selectors.figures_by_year()
    assert sum(row["children_reached"] for row in rows) == 94
    assert sum(row["craftsmen_dispatched"] for row in rows) == 2
    assert {c["city"] for row in rows for c in row["cities"]} == {
        "デモ都市A / Demo City A",
        "デモ都市B / Demo City B",
    }
    page = client.get(reverse("programmes:programme_detail", args=["crossing-art-residency-demo"]))
    assert "レジデンシー成果発表" in page.content.decode()


@pytest.mark.parametrize("prefix", ["", "/en"])
def test_demo_pages_render_for_staff_in_both_languages(client_as, prefix):
    demo.load()
    staff = client_as("city_staff")
    application = Application.objects.filter(status="submitted").first()
    programme = Programme.objects.get(slug=demo.SCHOLARSHIP_SLUG)
    paths = [
        "/crafts/programmes/",
        f"/crafts/programmes/{demo.SCHOLARSHIP_SLUG}/",
        f"/crafts/programmes/{demo.SCHOLARSHIP_SLUG}/participants/",
        f"/crafts/programmes/calls/{programme.calls.first().pk}/",
        "/crafts/programmes/review/",
        f"/crafts/programmes/review/{application.pk}/",
        "/crafts/programmes/reports/",
        "/crafts/programmes/figures/",
        "/crafts/programmes/my-applications/",
    ]
    for path in paths:
        response = staff.get(prefix + path)
        assert response.status_code == 200, path
    english = staff.get(f"/en/crafts/programmes/{demo.SCHOLARSHIP_SLUG}/").content.decode()
    assert "Scholarship for traditional-industry trainees (demo)" in english
