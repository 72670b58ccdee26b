"""Search over HTTP and the API on whichever database runs the suite (SQLite FTS5 trigram or
PostgreSQL pg_trgm), including the 1–2 character fallback that trigram indexes cannot answer."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tsunagu.accounts.tests.factories import OrganisationFactory
from tsunagu.events.models import Event, EventStatus
from tsunagu.partners.models import Partner, PartnerStatus
from tsunagu.projects.models import Project
from tsunagu.search.models import SearchDocument
from tsunagu.search.selectors import search, search_terms
from tsunagu.search.services import search_index_rebuild

pytestmark = pytest.mark.django_db


def make_partner(slug, name_ja, description, status=PartnerStatus.ACTIVE) -> Partner:
    organisation = OrganisationFactory(
        slug=slug, name_ja=name_ja, name_en="", description_ja=description
    )
    return Partner.objects.create(
        organisation=organisation, status=status, contact_name="担当", contact_email="c@example.org"
    )


@pytest.fixture
def content():
    crafts = make_partner("gold", "金沢箔工房", "伝統工芸の金箔と職人の育成")
    make_partner("bus", "北陸バス", "Electric buses for Kanazawa and the SDGs")
    make_partner("hidden", "未承認の工芸団体", "工芸の応募中", status=PartnerStatus.APPLIED)
    Project.objects.create(
        slug="yuzen",
        title_ja="加賀友禅の後継者育成",
        title_en="Kaga yuzen successors",
        lead_partner=crafts,
        publication="published",
    )
    starts = timezone.now() + datetime.timedelta(days=10)
    Event.objects.create(
        title_ja="SDGsカフェ #19 工芸と観光",
        title_en="SDGs Café #19",
        kind="sdgs_cafe",
        starts_at=starts,
        ends_at=starts,
        status=EventStatus.PUBLISHED,
    )
    Event.objects.create(
        title_ja="下書きの工芸イベント",
        kind="workshop",
        starts_at=starts,
        ends_at=starts,
        status=EventStatus.DRAFT,
    )


def titles(query, **kwargs):
    return [hit.title for hit in search(query, **kwargs)]


def test_two_character_japanese_query_uses_the_substring_fallback(content):
    assert sorted(titles("工芸")) == ["SDGsカフェ #19 工芸と観光", "金沢箔工房"]


def test_single_character_and_trigram_queries(content):
    # the project is found through its lead partner's name
    assert titles("箔") == ["金沢箔工房", "加賀友禅の後継者育成"]
    assert titles("加賀友禅") == ["加賀友禅の後継者育成"]
    assert titles("electric buses") == ["北陸バス"]


def test_full_width_and_case_are_normalised(content):
    assert search_terms("ＳＤＧｓ　カフェ") == ["sdgs", "カフェ"]
    assert titles("ＳＤＧＳ　カフェ") == ["SDGsカフェ #19 工芸と観光"]


def test_drafts_and_applications_are_never_found(content):
    assert "未承認の工芸団体" not in titles("工芸団体")
    assert "下書きの工芸イベント" not in titles("下書き")


def test_index_follows_edits_publication_and_deletion(content):
    partner = Partner.objects.get(organisation__slug="hidden")
    partner.status = PartnerStatus.ACTIVE
    partner.save()
    assert titles("工芸団体") == ["未承認の工芸団体"]
    partner.organisation.delete()
    assert titles("工芸団体") == []


def test_project_hides_with_its_lead_partner(content):
    partner = Partner.objects.get(organisation__slug="gold")
    partner.status = PartnerStatus.WITHDRAWN
    partner.save()
    assert titles("友禅") == []


def test_rebuild_gives_the_same_index(content):
    before = sorted(SearchDocument.objects.values_list("kind", "object_id"))
    assert search_index_rebuild() == len(before)
    assert sorted(SearchDocument.objects.values_list("kind", "object_id")) == before
    assert sorted(titles("工芸")) == ["SDGsカフェ #19 工芸と観光", "金沢箔工房"]


def test_quotes_and_operators_in_queries_are_plain_text(content):
    assert titles('"工芸" OR *') == []
    assert titles("100%_") == []


def test_search_page_and_api_in_both_languages(content, client):
    page = client.get(reverse("search:search"), {"q": "友禅"})
    assert "加賀友禅の後継者育成" in page.content.decode()
    english = client.get("/en" + reverse("search:search"), {"q": "友禅", "kind": "project"})
    assert "Kaga yuzen successors" in english.content.decode()
    api = client.get("/api/v1/search", {"q": "金沢", "kind": "partner"})
    assert [hit["title"] for hit in api.json()] == ["金沢箔工房"]
