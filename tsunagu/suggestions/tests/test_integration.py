"""Suggestions where users meet them: saving a profile or project suggests goals, the owner
accepts one on the page and the object is tagged; outsiders never see or decide them."""

import pytest
from django.urls import reverse

from tsunagu.partners.models import Partner, PartnerStatus
from tsunagu.projects.models import Project
from tsunagu.projects.services import project_update
from tsunagu.suggestions.models import SdgSuggestion, SuggestionStatus

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner(organisation):
    return Partner.objects.create(
        organisation=organisation,
        status=PartnerStatus.ACTIVE,
        contact_name="担当",
        contact_email="npo@example.org",
    )


def test_profile_edit_suggests_goals_and_the_member_accepts_one(partner, client_as):
    member = client_as("partner_member")
    edit = reverse("partners:partner_edit", args=[partner.organisation.slug])
    response = member.post(
        edit,
        {"description_ja": "子ども食堂を毎週開き、ひとり親家庭の子どもに温かい食事を届けます。"},
    )
    assert response.status_code == 302
    suggestion = SdgSuggestion.objects.get(object_id=partner.organisation_id, goal_id=2)
    assert any("食" in trigger for trigger in suggestion.triggers)

    page = member.get(reverse("partners:partner_detail", args=[partner.organisation.slug]))
    assert reverse("suggestions:accept", args=[suggestion.pk]) in page.content.decode()
    public = client_as(None).get(
        reverse("partners:partner_detail", args=[partner.organisation.slug])
    )
    assert "suggestions:accept" not in public.content.decode()
    assert reverse("suggestions:accept", args=[suggestion.pk]) not in public.content.decode()

    member.post(reverse("suggestions:accept", args=[suggestion.pk]))
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.ACCEPTED
    assert 2 in partner.organisation.sdg_goals.values_list("number", flat=True)


def test_project_update_refreshes_pending_suggestions_but_keeps_decisions(partner):
    project = Project.objects.create(slug="p", title_ja="計画", lead_partner=partner)

    def update(description):
        project_update(
            project=project, lead_partner=partner, title_ja="計画", description_ja=description
        )

    update("太陽光発電で再生可能エネルギーを地域に広げる。")
    energy = SdgSuggestion.objects.get(object_id=project.pk, goal_id=7)
    energy.status = SuggestionStatus.REJECTED
    energy.save()
    update("海岸のごみを拾い、海の生き物を守る。")
    goals = dict(
        SdgSuggestion.objects.filter(object_id=project.pk).values_list("goal_id", "status")
    )
    assert goals[7] == SuggestionStatus.REJECTED  # a decision survives the new text
    assert goals[14] == SuggestionStatus.PENDING
