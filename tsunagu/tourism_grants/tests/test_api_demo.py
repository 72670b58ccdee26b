import pytest

from tsunagu.tourism_grants import demo
from tsunagu.tourism_grants.models import Award, GrantCall, GrantReport

pytestmark = pytest.mark.django_db


def test_demo_loads_an_open_and_a_closed_call_and_the_api_shows_them(client):
    demo.load()
    demo.load()  # a second run adds nothing
    open_call = GrantCall.objects.get(slug=demo.OPEN_SLUG)
    closed_call = GrantCall.objects.get(slug=demo.CLOSED_SLUG)
    assert open_call.is_open()
    assert open_call.is_demo
    assert open_call.budget_yen == 3_000_000
    assert open_call.applications.count() == 2
    assert not closed_call.is_open()
    assert closed_call.committed_yen == 1_700_000
    assert Award.objects.count() == 2
    assert GrantReport.objects.get().status == "accepted"

    calls = client.get("/api/v1/tourism/grants/calls").json()
    assert {c["slug"] for c in calls} == {demo.OPEN_SLUG, demo.CLOSED_SLUG}
    closed = next(c for c in calls if c["slug"] == demo.CLOSED_SLUG)
    assert closed["remaining_yen"] == 1_300_000
    assert len(closed["criteria"]) == 4
    awards = client.get(f"/api/v1/tourism/grants/awards?call={demo.CLOSED_SLUG}").json()
    assert sorted(a["payment_status"] for a in awards) == ["paid", "partly_paid"]
    assert all("email" not in str(a) for a in awards)
    assert client.get("/api/v1/tourism/grants/calls/nope").status_code == 404


def test_a_call_without_description_is_listed(client):
    from tsunagu.tourism_grants.tests.factories import GrantCallFactory

    GrantCallFactory(slug="no-description")  # description is optional in the model

    response = client.get("/api/v1/tourism/grants/calls")

    assert response.status_code == 200
    assert response.json()[0]["description_ja"] in (None, "")
    assert client.get("/api/v1/tourism/grants/calls/no-description").status_code == 200
