"""Minutes and closing report: revisions, permissions, publication, diff."""

from datetime import timedelta

import pytest
from django.utils import timezone

from tsunagu.accounts.tests.factories import OrganisationFactory
from tsunagu.events.diff import revisions_diff
from tsunagu.events.models import Minutes, MinutesRevision
from tsunagu.events.services import minutes_save, registration_check_in, registration_create
from tsunagu.events.tests.factories import EventFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def past_event():
    start = timezone.now() - timedelta(days=3)
    return EventFactory(
        title_en="Partners Meeting #7", starts_at=start, ends_at=start + timedelta(hours=2)
    )


def test_every_save_is_a_revision_with_author_and_time(users, past_event):
    staff, admin = users["city_staff"], users["administrator"]
    first = minutes_save(event=past_event, author=staff, body_ja="第一稿")
    second = minutes_save(event=past_event, author=admin, body_ja="第二稿", body_en="Second")
    assert (first.number, second.number) == (1, 2)
    assert first.author == staff
    assert second.author == admin
    assert first.created_at <= second.created_at
    assert second.created_at is not None
    minutes = Minutes.objects.get(event=past_event)
    assert minutes.current == second
    old = MinutesRevision.objects.get(minutes=minutes, number=1)
    assert old.body_ja == "第一稿"  # earlier revisions are never changed
    assert old.body_en == ""


def test_revisions_snapshot_links_and_counts(users, past_event, organisation):
    other = OrganisationFactory()
    first = minutes_save(
        event=past_event,
        author=users["city_staff"],
        body_en="v1",
        attending_organisations=[organisation],
        attendee_count=40,
    )
    second = minutes_save(
        event=past_event,
        author=users["city_staff"],
        body_en="v1",
        attending_organisations=[organisation, other],
    )
    assert first.links["organisations"] == [str(organisation)]
    assert second.links["organisations"] == sorted([str(organisation), str(other)])
    diff = revisions_diff(first, second)
    assert ("added", str(other)) in [(line.kind, line.text) for line in diff]
    assert ("removed", "40") in [(line.kind, line.text) for line in diff]
    minutes = Minutes.objects.get(event=past_event)
    assert set(minutes.attending_organisations.all()) == {organisation, other}
    assert minutes.attendee_count is None


def test_staff_edit_over_http_creates_revisions(client_as, users, past_event, organisation):
    client = client_as("city_staff")
    url = f"/en/events/{past_event.pk}/minutes/edit/"
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "body_ja": "議事録",
            "body_en": "Minutes",
            "attending_organisations": [organisation.pk],
            "is_published": "on",
        },
    )
    assert response.status_code == 302
    client.post(url, {"body_ja": "議事録（改）", "body_en": "Minutes, revised"})
    revisions = list(MinutesRevision.objects.order_by("number"))
    assert [r.number for r in revisions] == [1, 2]
    assert {r.author for r in revisions} == {users["city_staff"]}
    assert revisions[0].is_published
    assert not revisions[1].is_published


def test_minutes_need_a_body(client_as, past_event):
    response = client_as("city_staff").post(f"/en/events/{past_event.pk}/minutes/edit/", {})
    assert response.status_code == 200
    assert not MinutesRevision.objects.exists()


def test_edit_form_defaults_to_the_checked_in_count(client_as, past_event):
    past_event.starts_at = timezone.now() + timedelta(days=1)
    past_event.ends_at = past_event.starts_at + timedelta(hours=1)
    past_event.save()
    for n in range(3):
        registration = registration_create(
            event=past_event, name=f"P{n}", email=f"p{n}@example.org"
        )
        if n < 2:
            registration_check_in(event=past_event, code=registration.code)
    html = client_as("city_staff").get(f"/en/events/{past_event.pk}/minutes/edit/").content
    assert b'name="attendee_count" value="2"' in html


@pytest.mark.parametrize("role", ["plain_user", "partner_member", "assessor"])
def test_non_staff_cannot_edit_or_read_history(client_as, users, role, past_event):
    minutes_save(event=past_event, author=users["city_staff"], body_en="Draft")
    client = client_as(role)
    edit = f"/en/events/{past_event.pk}/minutes/edit/"
    assert client.get(edit).status_code == 403
    assert client.post(edit, {"body_en": "Hacked"}).status_code == 403
    assert client.get(f"/en/events/{past_event.pk}/minutes/history/").status_code == 403
    assert MinutesRevision.objects.count() == 1


def test_anonymous_cannot_see_unpublished_minutes(client_as, users, past_event):
    minutes_save(event=past_event, author=users["city_staff"], body_en="Secret draft")
    anonymous = client_as(None)
    assert "Secret draft" not in anonymous.get(f"/en/events/{past_event.pk}/").content.decode()
    response = anonymous.get(f"/en/events/{past_event.pk}/minutes/edit/")
    assert response.status_code == 302
    staff_view = client_as("city_staff").get(f"/en/events/{past_event.pk}/").content.decode()
    assert "Secret draft" in staff_view
    assert "not published" in staff_view


def test_published_minutes_show_on_the_page_of_a_past_event(client, users, past_event):
    minutes_save(
        event=past_event,
        author=users["city_staff"],
        body_ja="日本語の議事録",
        body_en="English minutes",
        outcomes_en="Two projects started",
        attendee_count=42,
        is_published=True,
    )
    en = client.get(f"/en/events/{past_event.pk}/").content.decode()
    assert "English minutes" in en
    assert "Two projects started" in en
    assert "<td>42</td>" in en
    ja = client.get(f"/events/{past_event.pk}/").content.decode()
    assert "日本語の議事録" in ja
    listing = client.get("/en/events/", {"when": "past"}).content.decode()
    assert f'href="/en/events/{past_event.pk}/#minutes"' in listing


def test_minutes_fall_back_to_the_other_language(client, users, past_event):
    minutes_save(event=past_event, author=None, body_ja="日本語のみ", is_published=True)
    en = client.get(f"/en/events/{past_event.pk}/").content.decode()
    assert '<div lang="ja"><p>日本語のみ</p></div>' in en


def test_published_minutes_of_a_future_event_stay_hidden(client, users):
    event = EventFactory()
    minutes_save(event=event, author=users["city_staff"], body_en="Too early", is_published=True)
    assert "Too early" not in client.get(f"/en/events/{event.pk}/").content.decode()


def test_history_lists_revisions_and_shows_a_safe_diff(client_as, users, past_event):
    minutes_save(event=past_event, author=users["city_staff"], body_en="Line one")
    minutes_save(
        event=past_event, author=users["administrator"], body_en="Line one\n<script>x</script>"
    )
    client = client_as("city_staff")
    html = client.get(f"/en/events/{past_event.pk}/minutes/history/").content.decode()
    assert 'data-testid="revisions"' in html
    assert str(users["city_staff"]) in html
    assert str(users["administrator"]) in html
    assert "<ins>&lt;script&gt;x&lt;/script&gt;</ins>" in html
    assert "<script>x</script>" not in html
    old = client.get(f"/en/events/{past_event.pk}/minutes/history/?show=1").content.decode()
    assert "Line one" in old.split('data-testid="revision-text"', 1)[1]
    same = client.get(f"/en/events/{past_event.pk}/minutes/history/?from=2&to=2").content
    assert b"No differences." in same


def test_history_of_unwritten_minutes_is_not_found(client_as, past_event):
    response = client_as("city_staff").get(f"/en/events/{past_event.pk}/minutes/history/")
    assert response.status_code == 404
