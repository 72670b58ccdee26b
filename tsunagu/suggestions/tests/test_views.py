"""Suggestions on an object: refresh, accept (merging SDG tags), reject, and who may decide."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from tsunagu.accounts.tests.factories import UserFactory
from tsunagu.core.models import Goal, Target
from tsunagu.core.services import sdg_relations_set
from tsunagu.core.tests.factories import LocalTargetFactory
from tsunagu.suggestions.models import SdgSuggestion, SuggestionStatus
from tsunagu.suggestions.selectors import pending_suggestions_for
from tsunagu.suggestions.services import (
    suggestion_accept,
    suggestion_reject,
    suggestions_refresh,
)

pytestmark = pytest.mark.django_db

TEXT = (
    "We run a children's cafeteria with free meals for low-income families and collect "
    "plastic waste on the beach."
)


@pytest.fixture
def suggestion(organisation):
    suggestions_refresh(obj=organisation, text=TEXT)
    return SdgSuggestion.objects.get(object_id=organisation.pk, goal_id=14)


def goal_numbers(obj) -> list[int]:
    return sorted(obj.sdg_goals.values_list("number", flat=True))


def test_refresh_replaces_pending_and_keeps_decided(organisation, users):
    created = suggestions_refresh(obj=organisation, text=TEXT)
    assert {1, 2, 14} <= {s.goal_id for s in created}
    first = SdgSuggestion.objects.get(object_id=organisation.pk, goal_id=1)
    assert "low-income families" in first.triggers
    suggestion_reject(suggestion=first, user=users["city_staff"])

    suggestions_refresh(obj=organisation, text="Solar panels on the roof. " + TEXT)
    statuses = dict(
        SdgSuggestion.objects.filter(object_id=organisation.pk).values_list("goal_id", "status")
    )
    assert statuses[1] == SuggestionStatus.REJECTED
    assert statuses[7] == SuggestionStatus.PENDING
    assert 1 not in {s.goal_id for s in pending_suggestions_for(organisation)}

    suggestions_refresh(obj=organisation, text="")
    assert not pending_suggestions_for(organisation).exists()
    assert SdgSuggestion.objects.filter(object_id=organisation.pk, goal_id=1).exists()


def test_goals_already_tagged_are_not_suggested(organisation):
    sdg_relations_set(organisation, goals=[Goal.objects.get(number=14)])
    assert 14 not in {s.goal_id for s in suggestions_refresh(obj=organisation, text=TEXT)}


def test_accept_adds_the_goal_and_keeps_existing_tags(organisation, users, suggestion):
    local_target = LocalTargetFactory(target=Target.objects.get(code="11.4"), number=1)
    sdg_relations_set(
        organisation,
        goals=[Goal.objects.get(number=4)],
        targets=Target.objects.filter(code="6.1"),
        local_targets=[local_target],
    )
    suggestion_accept(suggestion=suggestion, user=users["city_staff"])
    assert goal_numbers(organisation) == [4, 6, 11, 14]
    assert sorted(organisation.sdg_targets.values_list("code", flat=True)) == ["11.4", "6.1"]
    assert list(organisation.sdg_local_targets) == [local_target]
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.ACCEPTED
    assert suggestion.decided_by == users["city_staff"]
    assert suggestion.decided_at is not None


def outcome(response) -> int | str:
    if response.status_code == 302 and "/accounts/login/" in response["Location"]:
        return "login"
    return response.status_code


@pytest.mark.parametrize("action", ["accept", "reject"])
@pytest.mark.parametrize(
    ("role", "expected"),
    [
        (None, "login"),
        ("plain_user", 403),
        ("assessor", 403),
        ("other_member", 403),
        ("partner_member", 302),
        ("city_staff", 302),
        ("administrator", 302),
    ],
)
def test_who_may_decide(client_as, other_organisation, suggestion, action, role, expected):
    if role == "other_member":
        client = client_as(None)
        member = UserFactory()
        member.organisations.add(other_organisation)
        client.force_login(member)
    else:
        client = client_as(role)
    url = reverse(f"suggestions:{action}", args=[suggestion.pk])
    response = client.post(url, {"next": "/organisations/kikugawa-npo/"})
    assert outcome(response) == expected
    suggestion.refresh_from_db()
    decided = expected == 302
    assert suggestion.is_pending != decided
    if decided:
        assert response["Location"] == "/organisations/kikugawa-npo/"
        assert (14 in goal_numbers(suggestion.content_object)) == (action == "accept")


def test_get_is_not_allowed(client_as, suggestion):
    response = client_as("city_staff").get(reverse("suggestions:accept", args=[suggestion.pk]))
    assert response.status_code == 405


def test_unsafe_next_is_ignored(client_as, suggestion):
    response = client_as("city_staff").post(
        reverse("suggestions:reject", args=[suggestion.pk]), {"next": "https://evil.example/"}
    )
    assert response.status_code == 302
    assert "evil" not in response["Location"]


def test_htmx_gets_the_updated_panel(client_as, organisation, suggestion):
    response = client_as("partner_member").post(
        reverse("suggestions:accept", args=[suggestion.pk]), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    html = response.content.decode()
    model = ContentType.objects.get_for_model(organisation).model
    assert f'id="sdg-suggestions-{model}-{organisation.pk}"' in html
    assert "採用済み" in html  # the status badge, in Japanese
    # the remaining pending suggestions still offer the buttons
    assert reverse("suggestions:reject", args=[suggestion.pk]) not in html
    other = pending_suggestions_for(organisation).first()
    assert reverse("suggestions:reject", args=[other.pk]) in html


def test_panel_hides_buttons_from_those_who_may_not_decide(client_as, organisation, suggestion):
    from django.template.loader import render_to_string
    from django.test import RequestFactory

    from tsunagu.suggestions.selectors import suggestions_for

    request = RequestFactory().get("/")
    request.user = UserFactory()
    html = render_to_string(
        "suggestions/_panel.html",
        {"obj": organisation, "suggestions": suggestions_for(organisation)},
        request=request,
    )
    assert "low-income families" in html
    assert reverse("suggestions:accept", args=[suggestion.pk]) not in html


@pytest.mark.parametrize(
    ("prefix", "title"), [("", "海の豊かさを守ろう"), ("/en", "Life below water")]
)
def test_preview_fragment(client, prefix, title):
    response = client.post(f"{prefix}/suggestions/preview/", {"text": TEXT})
    assert response.status_code == 200
    html = response.content.decode()
    assert title in html
    assert "plastic waste" in html
    assert "<html" not in html


def test_preview_of_an_empty_text(client):
    response = client.post(reverse("suggestions:preview"), {"text": ""})
    assert response.status_code == 200
    assert "sdg-chip" not in response.content.decode()
