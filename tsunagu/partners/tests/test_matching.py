"""The matchmaking engine (pure) and the suggestion pages: reasons, exclusions, determinism."""

import io

import pytest
from django.core import mail
from django.urls import reverse
from PIL import Image

from tsunagu.accounts.tests.factories import OrganisationFactory
from tsunagu.core.models import Goal
from tsunagu.core.services import sdg_relations_set
from tsunagu.partners.matching import Profile, matches_rank
from tsunagu.partners.models import IntroductionRequest, Partner, PartnerStatus
from tsunagu.partners.selectors import partner_matches, project_matches
from tsunagu.projects.models import Project


def profile(key, slug, goals=(), about="", **kwargs) -> Profile:
    return Profile(key=key, slug=slug, goals=frozenset(goals), about=about, **kwargs)


FIREFLIES = profile(
    1,
    "fireflies",
    (6, 15),
    "鞍月用水でホタルの生息調査と川掃除を続ける市民グループ",
    needs="水質検査の機材",
    need_tags=frozenset({"機材"}),
    offer_tags=frozenset({"ボランティア"}),
)


def test_ranking_explains_shared_goals_text_and_offers_against_needs():
    lab = profile(
        2,
        "water-lab",
        (6, 11),
        "鞍月用水でホタルの生息と水質の調査を続ける研究会",
        offers="水質検査の機材の貸し出し",
        offer_tags=frozenset({"機材"}),
    )
    bank = profile(3, "bank", (8,), "中小企業向けの融資と創業支援", offer_tags=frozenset({"資金"}))
    (first, *rest) = matches_rank(FIREFLIES, [bank, lab])
    assert first.profile.slug == "water-lab"
    assert first.shared_goals == [6]
    assert first.they_offer_what_you_need == ["機材"]
    assert first.text_similarity > 0
    assert all(m.profile.slug != "bank" for m in rest)  # nothing in common: not suggested


def test_volunteers_offered_match_an_english_need_only_by_tag():
    helpers = profile(
        2, "helpers", (), "We organise volunteers.", need_tags=frozenset({"ボランティア"})
    )
    (match,) = matches_rank(FIREFLIES, [helpers])
    assert match.you_offer_what_they_need == ["ボランティア"]


def test_never_itself_nor_excluded_and_deterministic_on_ties():
    twins = [profile(k, f"twin-{k}", (15,), "同じ説明") for k in (5, 4, 3)]
    ranked = matches_rank(FIREFLIES, [FIREFLIES, *twins], excluded={4})
    assert [m.profile.slug for m in ranked] == ["twin-3", "twin-5"]
    assert ranked == matches_rank(FIREFLIES, [*reversed(twins), FIREFLIES], excluded={4})


def test_japanese_text_similarity_needs_no_tokeniser():
    craft = profile(2, "craft", (), "加賀友禅の染色工房で職人の後継者を育てる")
    similar = profile(3, "similar", (), "金箔の工房で若い職人の後継者を育てる")
    other = profile(4, "other", (), "Electric buses for the city")
    ranked = matches_rank(craft, [other, similar])
    assert [m.profile.slug for m in ranked] == ["similar"]


# The pages and the selectors, with partners, a project and an opt-out.


def partner(slug, goals=(), status=PartnerStatus.ACTIVE, **kwargs) -> Partner:
    organisation = OrganisationFactory(slug=slug, description_ja=kwargs.pop("about", ""))
    sdg_relations_set(organisation, goals=Goal.objects.filter(number__in=goals))
    return Partner.objects.create(
        organisation=organisation,
        status=status,
        contact_name="担当",
        contact_email=f"{slug}@example.org",
        **kwargs,
    )


@pytest.fixture
def network(db, organisation, users):
    own = Partner.objects.create(
        organisation=organisation,
        status=PartnerStatus.ACTIVE,
        contact_name="担当",
        contact_email="own@example.org",
        need_tags="会場",
    )
    sdg_relations_set(organisation, goals=Goal.objects.filter(number__in=[4, 15]))
    venue = partner("venue", (4,), offer_tags="会場")
    shy = partner("shy", (4, 15), offer_tags="会場", matchmaking_opt_in=False)
    colleague = partner("colleague", (4, 15), offer_tags="会場")
    applicant = partner("applicant", (4, 15), status=PartnerStatus.APPLIED)
    project = Project.objects.create(slug="canal", title="用水の調査", lead_partner=own)
    project.co_partners.add(colleague)
    return {
        "own": own,
        "venue": venue,
        "shy": shy,
        "colleague": colleague,
        "applicant": applicant,
        "project": project,
    }


def test_suggestions_skip_co_partners_opted_out_and_unapproved(network):
    slugs = [p.organisation.slug for p, _ in partner_matches(partner=network["own"])]
    assert slugs == ["venue"]


def test_project_suggestions_skip_its_own_partners(network):
    sdg_relations_set(network["project"], goals=Goal.objects.filter(number__in=[4]))
    slugs = [p.organisation.slug for p, _ in project_matches(project=network["project"])]
    assert "colleague" not in slugs
    assert "kikugawa-npo" not in slugs
    assert "venue" in slugs


def test_suggestion_page_shows_the_reasons_to_members_only(network, client_as):
    url = reverse("partners:partner_matches", args=["kikugawa-npo"])
    response = client_as("partner_member").get(url)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-testid="match-venue"' in html
    assert "会場" in html
    assert "colleague" not in html
    assert client_as("plain_user").get(url).status_code == 403
    assert client_as(None).get(url).status_code == 302
    assert client_as("city_staff").get(url).status_code == 200


def test_request_introduction_tells_staff_and_both_partners(
    network, client_as, django_capture_on_commit_callbacks
):
    url = reverse("partners:introduction_request", args=["kikugawa-npo", "venue"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("partner_member").post(url, {"message": "会場をお借りしたい"})
    assert response.status_code == 302
    request = IntroductionRequest.objects.get()
    assert (request.from_partner, request.to_partner) == (network["own"], network["venue"])
    (email,) = mail.outbox
    assert set(email.to) == {"staff@example.org", "own@example.org", "venue@example.org"}
    assert "会場をお借りしたい" in email.body


def test_introduction_to_opted_out_partner_or_by_outsider_is_refused(network, client_as):
    shy = reverse("partners:introduction_request", args=["kikugawa-npo", "shy"])
    client_as("partner_member").post(shy)
    outsider = reverse("partners:introduction_request", args=["kikugawa-npo", "venue"])
    assert client_as("plain_user").post(outsider).status_code == 403
    assert not IntroductionRequest.objects.exists()


# Logos: raster images only, checked by Pillow, 2 MB at most.


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), "gold").save(buffer, format="PNG")
    return buffer.getvalue()


def edit_with_logo(client, name, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return client.post(
        reverse("partners:partner_edit", args=["kikugawa-npo"]),
        {"description_ja": "説明", "logo": SimpleUploadedFile(name, content)},
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"),
        ("logo.png", b"not really a png"),
        ("huge.png", None),
    ],
)
def test_bad_logo_is_refused_and_nothing_changes(network, client_as, name, content, settings):
    if content is None:
        content = png_bytes() + b"\0" * (2 * 1024 * 1024)
    response = edit_with_logo(client_as("partner_member"), name, content)
    assert response.status_code == 200
    assert "logo" in response.context["form"].errors
    network["own"].refresh_from_db()
    assert not network["own"].logo
    assert not network["own"].organisation.description_ja


def test_png_logo_is_shown_on_the_profile(network, client_as, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    response = edit_with_logo(client_as("partner_member"), "logo.png", png_bytes())
    assert response.status_code == 302
    page = client_as(None).get(reverse("partners:partner_detail", args=["kikugawa-npo"]))
    assert 'class="partner-logo"' in page.content.decode()


def test_project_page_links_its_members_to_project_suggestions(network, client_as):
    sdg_relations_set(network["project"], goals=Goal.objects.filter(number__in=[4]))
    detail = client_as("partner_member").get(reverse("projects:project_detail", args=["canal"]))
    url = reverse("partners:project_matches", args=["canal"])
    assert url in detail.content.decode()
    page = client_as("partner_member").get(url)
    assert 'data-testid="match-venue"' in page.content.decode()
    assert client_as("plain_user").get(url).status_code == 403
