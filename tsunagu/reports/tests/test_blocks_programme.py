"""The programme blocks (partnership, events_outcomes, biodiversity, crafts_network, tourism):
every figure is what the apps' own selectors say for the period, records outside the period
are left out, the data survives JSON (the snapshot) and renders in both languages."""

import json
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.utils import timezone

from tsunagu.accounts.models import OrganisationKind
from tsunagu.accounts.roles import Role
from tsunagu.accounts.tests.factories import OrganisationFactory, UserFactory
from tsunagu.biodiversity_index import services as cbi_services
from tsunagu.biodiversity_index.models import Assessment, AssessmentStatus, IndicatorScore
from tsunagu.biodiversity_index.selectors import assessment_totals
from tsunagu.biodiversity_index.tests.factories import Tree, city_area, observation
from tsunagu.core.models import Goal, PublicationStatus, Target
from tsunagu.core.services import sdg_relations_set
from tsunagu.crafts.selectors import artisan_list, craft_list, workshop_list
from tsunagu.crafts.tests.factories import ArtisanFactory, CraftFactory, WorkshopFactory
from tsunagu.events import selectors as event_selectors
from tsunagu.events.models import EventKind, EventStatus, Registration, RegistrationStatus
from tsunagu.events.services import minutes_save
from tsunagu.events.tests.factories import EventFactory
from tsunagu.experiences.models import Booking, BookingStatus
from tsunagu.experiences.selectors import bookings_held
from tsunagu.experiences.tests.factories import SlotFactory
from tsunagu.nature.models import QualityGrade, Site, SiteKind, Visit, VisitCount
from tsunagu.nature.selectors.campaigns import campaign_results
from tsunagu.nature.selectors.observations import observation_list
from tsunagu.nature.tests.factories_campaigns import CampaignFactory, fireflies
from tsunagu.network.models import ExchangeKind
from tsunagu.network.selectors import kanazawa_figures
from tsunagu.network.tests.factories import city_make, exchange_make
from tsunagu.partners.models import PartnerStatus
from tsunagu.partners.open_data import partner_rows
from tsunagu.programmes.models import Participant, ProgrammeKind
from tsunagu.programmes.selectors import figures_by_year
from tsunagu.programmes.tests.factories import ProgrammeFactory
from tsunagu.projects.tests.factories import PartnerFactory, ProjectFactory
from tsunagu.reports.blocks import block_get
from tsunagu.reports.blocks.base import BlockContext
from tsunagu.reports.charts import chart_svg
from tsunagu.tourism.indicators_feed import certified_operators_share
from tsunagu.tourism.models import Operator
from tsunagu.tourism.selectors import certificates_in_force
from tsunagu.tourism.services.reviews import application_decide
from tsunagu.tourism.services.schemes import default_version, schemes_seed
from tsunagu.tourism.tests.factories import in_panel, operator_for, score_all
from tsunagu.tourism_stats.feed import annual_figures
from tsunagu.tourism_stats.models import Measure, MonthlyFigure

pytestmark = pytest.mark.django_db

TOKYO = ZoneInfo("Asia/Tokyo")
START, END = date(2025, 1, 1), date(2025, 12, 31)


def at(day: date, hour: int = 18) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=TOKYO)


@pytest.fixture
def city(db):
    return city_area()


@pytest.fixture
def context(city):
    return BlockContext(area=city, period_start=START, period_end=END)


def collect(name: str, context: BlockContext) -> dict:
    """The block's data as the snapshot keeps it (through JSON), checked against the contract."""
    data = json.loads(json.dumps(block_get(name).collect(context)))
    for item in data["figures"]:
        assert {"key", "label", "value", "unit", "year", "source"} <= item.keys()
        assert isinstance(item["year"], int)
        for text in (item["label"], item["source"]):
            assert text["ja"], item["key"]
            assert text["en"], item["key"]
    assert len({item["key"] for item in data["figures"]}) == len(data["figures"])
    for chart in data["charts"]:
        assert chart["kind"] in {"hbar", "bar", "line"}
        assert set(chart["source"]) == {"ja", "en"}
        assert all(chart["source"].values())
        for series in chart["series"]:
            assert len(series["values"]) == len(chart["categories"])
        for language in ("ja", "en"):
            assert chart_svg(chart, language).startswith("<svg")
    for table in data["tables"]:
        assert set(table["source"]) == {"ja", "en"}
        assert all(table["source"].values())
        assert all(len(row) == len(table["columns"]) for row in table["rows"])
    assert data["sources"]
    assert all(source["ja"] and source["en"] for source in data["sources"])
    assert isinstance(data["is_demo"], bool)
    return data


def values(data: dict) -> dict:
    return {item["key"]: item["value"] for item in data["figures"]}


def render(name: str, data: dict) -> dict[str, str]:
    """The block's template in both languages; sections own <h2>, blocks use <h3>/<h4>."""
    pages = {
        language: render_to_string(block_get(name).template, {"data": data, "lang": language})
        for language in ("ja", "en")
    }
    for page in pages.values():
        assert "<h1" not in page
        assert "<h2" not in page
        assert "<h3>" in page
    assert "出典" in pages["ja"]
    assert "Sources" in pages["en"]
    return pages


# Partnership and events ----------------------------------------------------------------


def held(day: date, **fields):
    return EventFactory(starts_at=at(day), ends_at=at(day) + timedelta(hours=2), **fields)


def people(event, registered: int, checked_in: int) -> None:
    Registration.objects.bulk_create(
        Registration(
            event=event,
            name=f"P{n}",
            email=f"p{event.pk}-{n}@example.org",
            status=RegistrationStatus.CONFIRMED,
            checked_in_at=event.starts_at if n < checked_in else None,
        )
        for n in range(registered)
    )


@pytest.fixture
def events_2025():
    """Two events held in 2025 (one with published minutes), others outside the period or
    not held."""
    workshop = held(date(2025, 3, 14), kind=EventKind.WORKSHOP, title_ja="水辺ワークショップ")
    people(workshop, registered=5, checked_in=3)
    cafe = held(
        date(2025, 6, 20),
        kind=EventKind.SDGS_CAFE,
        title_ja="SDGsカフェ #30",
        title_en="SDGs Café #30",
        is_demo=True,
    )
    people(cafe, registered=10, checked_in=0)
    minutes_save(
        event=cafe,
        author=None,
        body_ja="議事録",
        outcomes_ja="新しいプロジェクトが2件生まれた",
        outcomes_en="Two new projects started",
        attendee_count=40,
        is_published=True,
    )
    meeting = held(date(2025, 9, 1), kind=EventKind.PARTNERS_MEETING, title_en="Partners #9")
    minutes_save(event=meeting, author=None, outcomes_en="Unpublished outcome", is_published=False)
    people(meeting, registered=4, checked_in=4)
    held(date(2024, 12, 31), kind=EventKind.WORKSHOP, title_en="Before the period")
    held(date(2026, 1, 1), kind=EventKind.WORKSHOP, title_en="After the period")
    held(date(2025, 5, 1), status=EventStatus.DRAFT, title_en="Draft event")
    held(date(2025, 5, 2), status=EventStatus.CANCELLED, title_en="Cancelled event")
    return {"workshop": workshop, "cafe": cafe, "meeting": meeting}


def test_partnership_figures_follow_the_selectors(context, events_2025):
    partner = PartnerFactory(
        organisation=OrganisationFactory(kind=OrganisationKind.COMPANY),
        registered_on=date(2024, 5, 1),
    )
    PartnerFactory(
        organisation=OrganisationFactory(kind=OrganisationKind.NPO),
        registered_on=date(2025, 6, 1),
    )
    PartnerFactory(
        organisation=OrganisationFactory(kind=OrganisationKind.SCHOOL),
        registered_on=date(2025, 2, 1),
        is_demo=True,
    )
    PartnerFactory(status=PartnerStatus.APPLIED, registered_on=None)
    PartnerFactory(status=PartnerStatus.REJECTED, registered_on=date(2025, 3, 1))
    PartnerFactory(registered_on=date(2026, 2, 1))  # after the period

    running = ProjectFactory(lead_partner=partner, starts_on=date(2024, 4, 1))
    sdg_relations_set(running, goals=Goal.objects.filter(number__in=[11, 17]))
    through_target = ProjectFactory(
        lead_partner=partner, starts_on=date(2025, 2, 1), ends_on=date(2025, 8, 1)
    )
    sdg_relations_set(through_target, targets=[Target.objects.get(code="4.7")])
    for outside in [
        ProjectFactory(
            lead_partner=partner, starts_on=date(2023, 1, 1), ends_on=date(2024, 12, 31)
        ),
        ProjectFactory(lead_partner=partner, starts_on=date(2026, 1, 1)),
        ProjectFactory(
            lead_partner=partner, starts_on=date(2025, 1, 1), publication=PublicationStatus.DRAFT
        ),
        ProjectFactory(
            lead_partner=PartnerFactory(status=PartnerStatus.APPLIED), starts_on=date(2025, 1, 1)
        ),
    ]:
        sdg_relations_set(outside, goals=Goal.objects.filter(number=11))

    data = collect("partnership", context)
    figures = values(data)

    public = [
        r for r in partner_rows() if r["registered_on"] and r["registered_on"] <= "2025-12-31"
    ]
    assert figures["partners_total"] == len(public) == 3
    for kind in OrganisationKind.values:
        assert figures[f"partners_{kind}"] == sum(r["type"] == kind for r in public)
    assert figures["partners_company"] == 1
    assert figures["partners_new"] == sum(r["registered_on"] >= "2025-01-01" for r in public) == 2

    assert figures["projects_total"] == 2
    tagged = {11: 1, 17: 1, 4: 1}
    for number in range(1, 18):
        assert figures[f"projects_goal_{number}"] == tagged.get(number, 0)
    [chart] = data["charts"]
    assert chart["series"][0]["values"] == [tagged.get(n, 0) for n in range(1, 18)]
    assert chart["series"][0]["colours"][0] == Goal.objects.get(number=1).colour

    rows_2025 = [r for r in event_selectors.events_by_kind_and_year() if r["year"] == 2025]
    assert figures["events_count"] == sum(r["events"] for r in rows_2025) == 3
    assert figures["participants"] == sum(r["total_participants"] for r in rows_2025)
    assert figures["participants"] == 3 + 40 + 4
    assert figures["registrations"] == sum(r["total_registered"] for r in rows_2025) == 19
    assert figures["check_ins"] == sum(r["total_attended"] for r in rows_2025) == 7
    assert data["is_demo"] is True

    pages = render("partnership", data)
    assert "パートナーシップで" in pages["ja"]  # goal 17's Japanese short title, in the chart
    assert "Partnerships" in pages["en"]


def test_partnership_without_records_is_empty_but_complete(context):
    data = collect("partnership", context)
    figures = values(data)
    assert figures["partners_total"] == 0
    assert figures["events_count"] == 0
    assert figures["projects_goal_1"] == 0
    assert data["is_demo"] is False
    render("partnership", data)


def test_events_outcomes_lists_the_events_of_the_period(context, events_2025):
    data = collect("events_outcomes", context)
    figures = values(data)
    rows_2025 = [r for r in event_selectors.events_by_kind_and_year() if r["year"] == 2025]
    assert figures["events_count"] == sum(r["events"] for r in rows_2025) == 3
    for kind in EventKind.values:
        assert figures[f"events_{kind}"] == sum(r["events"] for r in rows_2025 if r["kind"] == kind)
    assert figures["events_sdgs_cafe"] == 1
    assert figures["participants"] == sum(r["total_participants"] for r in rows_2025)

    [table] = data["tables"]
    assert [row[0] for row in table["rows"]] == ["2025-03-14", "2025-06-20", "2025-09-01"]
    cafe = table["rows"][1]
    assert cafe[1] == {"ja": "SDGsカフェ #30", "en": "SDGs Café #30"}
    assert cafe[2]["en"] == "SDGs Café"
    assert cafe[3] == 40
    assert cafe[4] == {"ja": "新しいプロジェクトが2件生まれた", "en": "Two new projects started"}
    assert table["rows"][0][4] == "–"
    assert table["rows"][2][4] == "–"  # minutes not published: not quoted
    dumped = json.dumps(data, ensure_ascii=False)
    for absent in ["Unpublished outcome", "Before the period", "After the period", "Draft event"]:
        assert absent not in dumped
    assert data["is_demo"] is True

    pages = render("events_outcomes", data)
    assert "新しいプロジェクトが2件生まれた" in pages["ja"]
    assert "Two new projects started" in pages["en"]
    assert "水辺ワークショップ" in pages["ja"]


# Biodiversity ------------------------------------------------------------------------------


def published_assessment(area, year: int, score: int, **fields) -> Assessment:
    assessment = cbi_services.assessment_create(area=area, year=year, **fields)
    IndicatorScore.objects.filter(assessment=assessment).update(score=score)
    Assessment.objects.filter(pk=assessment.pk).update(status=AssessmentStatus.PUBLISHED)
    assessment.refresh_from_db()
    return assessment


def visit(campaign, site, day: date, counts: dict) -> Visit:
    recorded = Visit.objects.create(campaign=campaign, site=site, date=day)
    for taxon, count in counts.items():
        VisitCount.objects.create(visit=recorded, taxon=taxon, count=count)
    return recorded


def test_biodiversity_figures_follow_the_selectors(city, context):
    tree = Tree()
    observation(tree.firefly, 2025)
    observation(tree.firefly2, 2025, grade=QualityGrade.NEEDS_ID)
    observation(tree.plant, 2025, hidden=True)
    observation(tree.bird, 2024)
    observation(tree.bird2, 2026)
    cbi_2024 = published_assessment(city, 2024, score=2)
    published_assessment(city, 2023, score=1)
    cbi_services.assessment_create(area=city, year=2025)  # a draft: not reported
    published_assessment(city, 2026, score=4)  # after the period

    genji, heike = fireflies()
    campaign = CampaignFactory(
        slug="fireflies",
        title="ホタル調査",
        title_ja="ホタル調査",
        title_en="Firefly survey",
        is_demo=True,
        target_taxa=[genji, heike],
    )
    site = Site.objects.create(
        campaign=campaign,
        code="k1",
        name="鞍月用水",
        kind=SiteKind.POINT,
        latitude=36.55,
        longitude=136.65,
    )
    visit(campaign, site, date(2023, 6, 10), {genji: 4, heike: 2})
    visit(campaign, site, date(2024, 6, 10), {genji: 6, heike: 1})
    visit(campaign, site, date(2025, 6, 10), {genji: 5, heike: 3})
    visit(campaign, site, date(2025, 6, 20), {genji: 7})  # heike looked for, none seen
    visit(campaign, site, date(2026, 6, 10), {genji: 50, heike: 50})  # after the period
    draft = CampaignFactory(publication=PublicationStatus.DRAFT, target_taxa=[genji])
    draft_site = Site.objects.create(
        campaign=draft, code="d1", name="x", kind=SiteKind.POINT, latitude=36.5, longitude=136.6
    )
    visit(draft, draft_site, date(2025, 7, 1), {genji: 9})

    data = collect("biodiversity", context)
    figures = values(data)
    by_key = {item["key"]: item for item in data["figures"]}

    totals = assessment_totals(cbi_2024)
    assert figures["cbi_total"] == totals.total == 56
    for component, subtotal in totals.components.items():
        assert figures[f"cbi_{component}"] == subtotal
    assert figures["cbi_scored"] == totals.scored == 28
    assert by_key["cbi_total"]["year"] == 2024
    cbi_chart = next(c for c in data["charts"] if c["id"] == "cbi-by-year")
    assert cbi_chart["categories"] == ["2023", "2024"]
    assert cbi_chart["series"][0]["values"] == [28, 56]

    results = campaign_results(campaign, until=END)
    season = [r for r in results["seasons"] if r["taxon"] == "all" and r["year"] == 2025]
    expected_mean = sum(r["total"] for r in season) / sum(r["visits"] for r in season)
    assert figures["survey_fireflies_mean"] == expected_mean == (8 + 7) / 2
    assert by_key["survey_fireflies_mean"]["year"] == 2025
    assert figures["survey_visits"] == 2  # the draft campaign's visit is not public
    survey_chart = next(c for c in data["charts"] if c["id"] == "survey-trends")
    assert survey_chart["categories"] == ["2023", "2024", "2025"]
    assert survey_chart["series"][0]["values"] == [6.0, 7.0, 7.5]
    assert survey_chart["series"][0]["name"] == {"ja": "ホタル調査", "en": "Firefly survey"}

    public = observation_list(user=AnonymousUser(), date_from=START, date_to=END)
    assert figures["observations"] == public.count() == 2
    assert (
        figures["observations_research_grade"]
        == (public.filter(quality_grade=QualityGrade.RESEARCH).count())
        == 1
    )
    assert figures["observations_species"] == 1
    assert data["is_demo"] is True

    pages = render("biodiversity", data)
    assert "ホタル調査" in pages["ja"]
    assert "Firefly survey" in pages["en"]


def test_biodiversity_without_assessment_or_surveys(context):
    data = collect("biodiversity", context)
    assert "cbi_total" not in values(data)
    assert data["cbi_year"] is None
    assert data["has_surveys"] is False
    assert values(data)["observations"] == 0
    render("biodiversity", data)


# Crafts and the network --------------------------------------------------------------------


def booking(slot, participants: int, **fields) -> Booking:
    return Booking.objects.create(
        slot=slot,
        name="Visitor",
        email=f"visitor{Booking.objects.count()}@example.org",
        participants=participants,
        language="en",
        amount_due=3500 * participants,
        **fields,
    )


def test_crafts_network_figures_follow_the_selectors(context):
    scholarship = ProgrammeFactory(kind=ProgrammeKind.SCHOLARSHIP)
    children = ProgrammeFactory(kind=ProgrammeKind.CHILDREN_WORKSHOP)
    dispatch = ProgrammeFactory(kind=ProgrammeKind.DISPATCH)
    residency = ProgrammeFactory(kind=ProgrammeKind.RESIDENCY)
    Participant.objects.create(programme=scholarship, year=2025, name="A", count=2)
    Participant.objects.create(programme=children, year=2025, name="B school", count=30)
    Participant.objects.create(
        programme=dispatch,
        year=2025,
        name="C",
        count=3,
        destination_city="Icheon",
        destination_country="KR",
    )
    Participant.objects.create(programme=dispatch, year=2024, name="D", count=5)
    Participant.objects.create(programme=residency, year=2026, name="E", count=1, is_demo=True)

    slot = SlotFactory(start=at(date(2025, 5, 10), 10))
    booking(slot, 3)
    booking(slot, 2, no_show=True)
    booking(slot, 4, status=BookingStatus.CANCELLED)
    booking(SlotFactory(start=at(date(2026, 5, 10), 10)), 6)

    kanazawa = city_make("Kanazawa", country="JP")
    icheon = city_make("Icheon", country="KR")
    limoges = city_make("Limoges", country="FR")
    exchange_make(kanazawa, icheon, start=date(2025, 5, 1), title="Residency in Icheon")
    exchange_make(
        icheon,
        kanazawa,
        kind=ExchangeKind.DELEGATION,
        start=date(2025, 9, 1),
        title="Icheon delegation",
    )
    exchange_make(kanazawa, limoges, start=date(2024, 3, 1), title="Porcelain 2024")
    exchange_make(kanazawa, limoges, start=date(2026, 2, 1), title="Porcelain 2026")

    CraftFactory()
    workshop = WorkshopFactory(slug="lacquer-studio")
    hidden = WorkshopFactory(slug="closed-studio", is_published=False)
    ArtisanFactory(workshop=workshop, is_certified_traditional_craftsperson=True)
    ArtisanFactory(workshop=hidden)

    data = collect("crafts_network", context)
    figures = values(data)

    [row] = [r for r in figures_by_year() if r["year"] == 2025]
    for key in ["scholarships_awarded", "children_reached", "craftsmen_dispatched"]:
        assert figures[f"programmes_{key}"] == row[key]
    assert figures["programmes_craftsmen_dispatched"] == 3
    assert figures["programmes_residents_hosted"] == 0
    dispatches = next(t for t in data["tables"] if t["id"] == "programme-dispatches")
    assert dispatches["rows"] == [["2025", "Icheon", "KR", 3]]

    held = bookings_held(date_from=START, date_to=END)
    assert figures["experience_bookings"] == held["bookings"] == 1
    assert figures["experience_participants"] == held["participants"] == 3

    [network] = [r for r in kanazawa_figures()["rows"] if r["year"] == 2025]
    assert figures["exchanges_count"] == network["total"] == 2
    for index, kind in enumerate(ExchangeKind.values):
        assert figures[f"exchanges_{kind}"] == network["by_kind"][index]
    assert figures["exchange_partner_cities"] == network["cities"] == 1
    exchanges = next(t for t in data["tables"] if t["id"] == "network-exchanges")
    assert [r[4]["en"] for r in exchanges["rows"]] == ["Residency in Icheon", "Icheon delegation"]
    assert exchanges["rows"][0][3] == {"ja": "Icheon (KR)", "en": "Icheon (KR)"}

    assert figures["crafts"] == craft_list().count()
    assert figures["workshops"] == workshop_list().count()
    assert figures["artisans"] == artisan_list().count() == 1
    assert figures["certified_craftspeople"] == 1
    assert data["is_demo"] is False  # the demo participant is outside the period

    dumped = json.dumps(data)
    assert "Porcelain" not in dumped
    pages = render("crafts_network", data)
    assert "Residency in Icheon" in pages["en"]


# Tourism -----------------------------------------------------------------------------------


def monthly_year(area, year: int, visitors: int, japanese: int, foreign: int, **fields) -> None:
    MonthlyFigure.objects.bulk_create(
        MonthlyFigure(area=area, year=year, month=month, measure=measure, value=value, **fields)
        for month in range(1, 13)
        for measure, value in [
            (Measure.VISITORS, visitors),
            (Measure.STAYS_JAPANESE, japanese),
            (Measure.STAYS_FOREIGN, foreign),
        ]
    )


@pytest.fixture
def certified(settings, tmp_path, city):
    """Three operators of the city: one certified through 2025, one whose certificate expired
    in June 2025, one never certified."""
    settings.TOURISM_EVIDENCE_ROOT = tmp_path / "evidence"
    schemes_seed()
    version = default_version()
    staff = UserFactory(roles=[Role.CITY_STAFF])
    assessor = UserFactory(roles=[Role.ASSESSOR])
    certificates = []
    for slug, issued, expires in [
        ("asanogawa-inn", date(2025, 4, 1), date(2027, 3, 31)),
        ("old-inn", date(2022, 7, 1), date(2025, 6, 30)),
    ]:
        member = UserFactory()
        operator = operator_for(member, name=slug.title(), slug=slug)
        application = in_panel(version, operator, member, staff, assessor)
        score_all(application, assessor)
        application_decide(application=application, by=staff, reasons={})
        certificate = application.certificate
        certificate.issued_on, certificate.expires_on = issued, expires
        certificate.save()
        certificate.history.update(at=at(issued, 9))
        certificates.append(certificate)
    operator_for(UserFactory(), name="Plain Inn", slug="plain-inn")
    Operator.objects.update(area=city, created_at=at(date(2022, 1, 10), 9))
    return certificates


def test_tourism_figures_follow_the_selectors(city, context, certified):
    monthly_year(city, 2020, visitors=100, japanese=50, foreign=5)  # before the charted years
    monthly_year(city, 2024, visitors=1000, japanese=600, foreign=200, source="石川県統計")
    monthly_year(city, 2025, visitors=1200, japanese=650, foreign=300, is_demo=True)
    monthly_year(city, 2026, visitors=9999, japanese=9999, foreign=9999)  # after the period
    MonthlyFigure.objects.filter(year=2025, month=12, measure=Measure.VISITORS).update(value=1500)

    data = collect("tourism", context)
    figures = values(data)
    by_key = {item["key"]: item for item in data["figures"]}

    in_force = certificates_in_force(area=city, on=END)
    assert figures["certified_operators"] == len({c.operator_id for c in in_force}) == 1
    assert figures["certificates_in_force"] == len(in_force)
    assert (
        figures["certified_operators_share"]
        == certified_operators_share(city, 2025, today=END)
        == pytest.approx(33.33)
    )
    operators = next(t for t in data["tables"] if t["id"] == "certified-operators")
    assert [row[3] for row in operators["rows"]] == [certified[0].number]

    annual = {(statistic, year): value for statistic, year, value in annual_figures(city)}
    assert figures["visitors"] == annual[("TS_VISITORS", 2025)] == 1200 * 11 + 1500
    assert figures["stays_total"] == annual[("TS_STAYS_TOTAL", 2025)]
    assert figures["stays_foreign"] == annual[("TS_STAYS_FOREIGN", 2025)] == 300 * 12
    assert figures["stays_japanese"] == figures["stays_total"] - figures["stays_foreign"]
    assert by_key["visitors"]["year"] == 2025
    assert "石川県統計" in by_key["visitors"]["source"]["ja"]
    for chart in data["charts"]:
        assert chart["categories"] == ["2024", "2025"]
    assert data["is_demo"] is True
    assert "9999" not in json.dumps(data)

    pages = render("tourism", data)
    assert "Asanogawa-Inn" in pages["en"]
    assert "Old-Inn" not in pages["en"]
    assert "2,025" not in pages["en"]  # years are labels, not numbers


def test_tourism_years_before_is_a_parameter(city, context):
    monthly_year(city, 2020, visitors=100, japanese=50, foreign=5)
    monthly_year(city, 2025, visitors=1200, japanese=650, foreign=300)
    wider = BlockContext(area=city, period_start=START, period_end=END, params={"years_before": 5})
    data = collect("tourism", wider)
    assert data["charts"][0]["categories"] == ["2020", "2025"]
    assert values(collect("tourism", context))["certified_operators_share"] is None
    render("tourism", data)


def test_tourism_period_still_running_counts_certificates_today(city, certified):
    today = timezone.localdate()
    running = BlockContext(
        area=city, period_start=date(today.year, 1, 1), period_end=date(today.year, 12, 31)
    )
    by_key = {item["key"]: item for item in collect("tourism", running)["figures"]}
    assert by_key["certified_operators"]["value"] == len(
        {c.operator_id for c in certificates_in_force(area=city, on=today)}
    )
    assert today.isoformat() in by_key["certified_operators"]["source"]["en"]
    assert by_key["visitors"]["value"] is None  # no complete year in the period
