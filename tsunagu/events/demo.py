"""Demo events (labelled "demo"): the series of IMAGINE KANAZAWA 2030 with past sessions,
their registrations, check-ins and minutes, and upcoming sessions open for registration.

Idempotent: events are found again by series and number (or by Japanese title); the
registrations, questions and minutes of an event are created only when it has none. The
eight SDGs Café sessions of 2021 were held online with 500 participants in total, the kind
of figure the programme reports.
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from tsunagu.core.models import Goal
from tsunagu.core.services import sdg_relations_set
from tsunagu.events.models import (
    Audience,
    Event,
    EventKind,
    EventMode,
    EventSeries,
    EventStatus,
    MinutesRevision,
    Question,
    QuestionKind,
    Registration,
    RegistrationStatus,
    SchoolLevel,
)
from tsunagu.events.services import minutes_save
from tsunagu.partners.models import Partner
from tsunagu.projects.models import Project

TOKYO = ZoneInfo("Asia/Tokyo")
DEMO_NOTE_JA = "（デモ用の架空のイベントです）"
DEMO_NOTE_EN = "(A fictional event for the demo.)"
CITY_HALL = "金沢市役所 第一本庁舎 / Kanazawa City Hall"
ONLINE_URL = "https://meet.example.org/imagine-kanazawa-demo"

SERIES = {
    "partners-meeting": ("パートナーズ会議", "Partners Meeting", EventKind.PARTNERS_MEETING),
    "sdgs-cafe": ("SDGsカフェ", "SDGs Café", EventKind.SDGS_CAFE),
    "council": (
        "IMAGINE KANAZAWA 2030 推進会議",
        "IMAGINE KANAZAWA 2030 Council",
        EventKind.COUNCIL_MEETING,
    ),
}

CAFE_THEMES = [
    ("金沢の食と農", "Food and farming in Kanazawa", (2, 12)),
    ("伝統工芸と持続可能性", "Traditional crafts and sustainability", (8, 12)),
    ("用水と生きもの", "Canals and wildlife", (6, 15)),
    ("まちなかの脱炭素", "Decarbonising the city centre", (7, 13)),
    ("多文化共生のまち", "A city for people of all cultures", (10, 16)),
    ("学生と考える未来の金沢", "Kanazawa's future with students", (4, 11)),
    ("海と山をつなぐ", "Linking the sea and the mountains", (14, 15)),
    ("ジェンダーと働き方", "Gender and ways of working", (5, 8)),
]
# Checked in at the eight online sessions of 2021: 500 in total.
CAFE_2021_ATTENDED = [58, 61, 66, 60, 64, 63, 62, 66]
NO_SHOWS = 4


def _at(year: int, month: int, day: int, hour: int = 14) -> datetime:
    return datetime(year, month, day, hour, tzinfo=TOKYO)


def _from_now(days: int, hour: int = 14) -> datetime:
    today = timezone.localtime(timezone.now(), TOKYO).replace(
        hour=hour, minute=0, second=0, microsecond=0
    )
    return today + timedelta(days=days)


def _series() -> dict[str, EventSeries]:
    found = {}
    for slug, (name_ja, name_en, kind) in SERIES.items():
        found[slug], _created = EventSeries.objects.update_or_create(
            slug=slug, defaults={"name_ja": name_ja, "name_en": name_en, "kind": kind}
        )
    return found


def _event(
    *,
    series: EventSeries | None = None,
    number: int | None = None,
    title_ja: str,
    title_en: str,
    starts_at: datetime,
    hours: float = 2,
    goals: tuple[int, ...] = (),
    organisers=(),
    **fields,
) -> Event:
    description_ja = fields.pop("description_ja", "")
    description_en = fields.pop("description_en", "")
    defaults = {
        "title_ja": title_ja,
        "title_en": title_en,
        "description_ja": f"{description_ja}\n\n{DEMO_NOTE_JA}".strip(),
        "description_en": f"{description_en}\n\n{DEMO_NOTE_EN}".strip(),
        "starts_at": starts_at,
        "ends_at": starts_at + timedelta(hours=hours),
        "status": EventStatus.PUBLISHED,
        "is_demo": True,
        **fields,
    }
    if series is not None:
        defaults["kind"] = series.kind
        event, _created = Event.objects.update_or_create(
            series=series, number=number, defaults=defaults
        )
    else:
        event, _created = Event.objects.update_or_create(
            title_ja=title_ja, is_demo=True, defaults=defaults
        )
    sdg_relations_set(event, goals=Goal.objects.filter(number__in=goals))
    event.organisers.set(organisers)
    return event


def _registrations(event: Event, attended: int, no_shows: int = NO_SHOWS) -> None:
    """Demo participants, checked in when the event is over (bulk: a few hundred rows)."""
    if event.registrations.exists():
        return
    past = event.ends_at <= timezone.now()
    rows = []
    for n in range(1, attended + no_shows + 1):
        checked_in = past and n <= attended
        rows.append(
            Registration(
                event=event,
                name=f"デモ参加者 {n}",
                email=f"demo-{event.pk}-{n}@example.org",
                status=RegistrationStatus.CONFIRMED,
                language="en" if n % 7 == 0 else "ja",
                checked_in_at=event.starts_at + timedelta(minutes=n % 20) if checked_in else None,
            )
        )
    Registration.objects.bulk_create(rows)
    # auto_now_add stamped them today: put them before the event, as they would have been.
    event.registrations.update(created_at=event.starts_at - timedelta(days=7))


def _questions(event: Event) -> None:
    if event.questions.exists():
        return
    Question.objects.bulk_create(
        [
            Question(
                event=event,
                order=1,
                kind=QuestionKind.SINGLE_CHOICE,
                required=True,
                text_ja="ご所属の種類",
                text_en="Where do you come from?",
                options_ja="企業\nNPO・市民団体\n学校・大学\n行政\n個人",
                options_en="Company\nNPO or citizens' group\nSchool or university\n"
                "Government\nIndividual",
            ),
            Question(
                event=event,
                order=2,
                kind=QuestionKind.CHECKBOX,
                text_ja="関心のあるゴール",
                text_en="Goals you are interested in",
                options_ja="環境\n教育\nまちづくり",
                options_en="Environment\nEducation\nCommunity development",
            ),
            Question(
                event=event,
                order=3,
                kind=QuestionKind.LONG_TEXT,
                text_ja="当日聞いてみたいこと",
                text_en="What would you like to ask on the day?",
            ),
        ]
    )


def _minutes(event: Event, *, organisations, partners, projects) -> None:
    if hasattr(event, "minutes") or event.ends_at > timezone.now():
        return
    common = {
        "event": event,
        "author": None,
        "attending_organisations": organisations,
        "is_published": True,
    }
    first = minutes_save(
        **common,
        body_ja=f"{event.title_ja}の議事録（第1版・デモ）。\n参加者が近況を報告し、意見を交わした。",
        body_en=f"Minutes of {event.title_en} (first draft, demo).\n"
        "Participants reported on their work and exchanged views.",
    )
    MinutesRevision.objects.filter(pk=first.pk).update(created_at=event.ends_at + timedelta(days=1))
    second = minutes_save(
        **common,
        body_ja=f"{event.title_ja}の議事録（デモ）。\n参加者が近況を報告し、意見を交わした。\n"
        "次回までに連携の具体案をまとめることになった。",
        body_en=f"Minutes of {event.title_en} (demo).\n"
        "Participants reported on their work and exchanged views.\n"
        "They agreed to draft concrete joint proposals before the next meeting.",
        outcomes_ja="参加団体どうしの新たな連携が生まれた。",
        outcomes_en="New collaborations between the participating organisations.",
        projects_created=projects,
        partners_matched=partners,
    )
    MinutesRevision.objects.filter(pk=second.pk).update(
        created_at=event.ends_at + timedelta(days=3)
    )


@transaction.atomic
def load() -> None:
    series = _series()
    partners = list(Partner.objects.select_related("organisation").order_by("pk")[:6])
    organisations = [partner.organisation for partner in partners]
    projects = list(Project.objects.order_by("pk")[:2])
    organisers = partners[:2]
    past: list[tuple[Event, int]] = []

    # Partners Meeting #1–#7 (2020–2021, partners only) and #8 upcoming.
    meeting_dates = [
        _at(2020, 5, 20),
        _at(2020, 8, 26),
        _at(2020, 11, 18),
        _at(2021, 2, 17),
        _at(2021, 5, 19),
        _at(2021, 8, 25),
        _at(2021, 11, 17),
    ]
    for number, starts_at in enumerate(meeting_dates, start=1):
        event = _event(
            series=series["partners-meeting"],
            number=number,
            title_ja=f"第{number}回 パートナーズ会議",
            title_en=f"Partners Meeting #{number}",
            description_ja="パートナーが取り組みを共有し、新たな連携を探る会議です。",
            description_en="Partners share their work and look for new collaborations.",
            starts_at=starts_at,
            mode=EventMode.HYBRID if starts_at.year == 2021 else EventMode.IN_PERSON,
            place=CITY_HALL,
            online_url=ONLINE_URL if starts_at.year == 2021 else "",
            audience=Audience.PARTNERS_ONLY,
            capacity=80,
            goals=(17,),
            organisers=organisers,
        )
        past.append((event, 30 + 2 * number))
    upcoming = _event(
        series=series["partners-meeting"],
        number=8,
        title_ja="第8回 パートナーズ会議",
        title_en="Partners Meeting #8",
        description_ja="2030年に向けた連携プロジェクトの進捗を共有します。",
        description_en="Progress of the joint projects on the way to 2030.",
        starts_at=_from_now(30, 15),
        mode=EventMode.HYBRID,
        place=CITY_HALL,
        online_url=ONLINE_URL,
        audience=Audience.PARTNERS_ONLY,
        capacity=80,
        goals=(17,),
        organisers=organisers,
    )
    _registrations(upcoming, attended=12, no_shows=0)

    # SDGs Café #12–#19: online, 2021, 500 participants in total; #20 and #21 upcoming.
    for index, ((theme_ja, theme_en, goals), attended) in enumerate(
        zip(CAFE_THEMES, CAFE_2021_ATTENDED, strict=True)
    ):
        number = 12 + index
        event = _event(
            series=series["sdgs-cafe"],
            number=number,
            title_ja=f"SDGsカフェ #{number} {theme_ja}",
            title_en=f"SDGs Café #{number}: {theme_en}",
            description_ja=f"「{theme_ja}」をテーマに、ゲストの話を聞いて対話するオンラインカフェ。",
            description_en=f'An online café on "{theme_en}": a guest talk, then dialogue.',
            starts_at=_at(2021, 1 + index, 12 + index, 19),
            hours=1.5,
            mode=EventMode.ONLINE,
            online_url=ONLINE_URL,
            audience=Audience.PUBLIC,
            capacity=100,
            goals=goals,
            organisers=organisers,
        )
        past.append((event, attended))
    for number, days, (theme_ja, theme_en, goals) in (
        (20, 12, ("用水とホタル", "Canals and fireflies", (6, 15))),
        (21, 45, ("地域の食品ロス", "Food waste in our neighbourhood", (2, 12))),
    ):
        event = _event(
            series=series["sdgs-cafe"],
            number=number,
            title_ja=f"SDGsカフェ #{number} {theme_ja}",
            title_en=f"SDGs Café #{number}: {theme_en}",
            description_ja=f"「{theme_ja}」をテーマにした対話の場です。会場とオンラインで開催します。",
            description_en=f'A dialogue on "{theme_en}", in the room and online.',
            starts_at=_from_now(days, 19),
            hours=1.5,
            mode=EventMode.HYBRID,
            place="金沢21世紀美術館 レクチャーホール / 21st Century Museum, lecture hall",
            online_url=ONLINE_URL,
            audience=Audience.PUBLIC,
            capacity=60,
            goals=goals,
            organisers=organisers,
        )
        _questions(event)
        _registrations(event, attended=20 if number == 20 else 5, no_shows=0)

    # Council meetings (by invitation).
    for number, starts_at in enumerate(
        (_at(2020, 6, 3, 10), _at(2021, 6, 2, 10), _at(2022, 6, 1, 10)), start=1
    ):
        event = _event(
            series=series["council"],
            number=number,
            title_ja=f"IMAGINE KANAZAWA 2030 推進会議（{starts_at.year}年度）",
            title_en=f"IMAGINE KANAZAWA 2030 Council ({starts_at.year})",
            description_ja="会長・副会長・委員が一年の取り組みを振り返り、方針を確認します。",
            description_en="The chair, deputy chairs and members review the year and agree the "
            "direction.",
            starts_at=starts_at,
            place=CITY_HALL,
            audience=Audience.INVITED,
            capacity=20,
            goals=(17,),
        )
        past.append((event, 12))

    # Idea-thons for students.
    ideathon = _event(
        title_ja="IMAGINE KANAZAWA 2030 アイデアソン 2021",
        title_en="IMAGINE KANAZAWA 2030 Idea-thon 2021",
        description_ja="高校生と大学生が、まちの課題を解決するアイデアをチームで競います。",
        description_en="High-school and university students compete in teams with ideas for "
        "the city's challenges.",
        kind=EventKind.IDEATHON,
        starts_at=_at(2021, 10, 9, 10),
        hours=7,
        place="金沢市文化ホール / Kanazawa Bunka Hall",
        audience=Audience.STUDENTS,
        school_level=SchoolLevel.ALL,
        capacity=60,
        goals=(4, 11, 17),
        organisers=organisers,
    )
    past.append((ideathon, 48))
    upcoming = _event(
        title_ja="アイデアソン 2030ジュニア（高校生向け）",
        title_en="Idea-thon 2030 Junior (for high-school students)",
        description_ja="高校生が金沢の2030年を描く一日のアイデアソンです。",
        description_en="A one-day idea-thon in which high-school students picture Kanazawa "
        "in 2030.",
        kind=EventKind.IDEATHON,
        starts_at=_from_now(60, 10),
        hours=6,
        place="金沢市文化ホール / Kanazawa Bunka Hall",
        audience=Audience.STUDENTS,
        school_level=SchoolLevel.HIGH_SCHOOL,
        capacity=40,
        goals=(4, 11),
        organisers=organisers,
    )
    _questions(upcoming)

    # Workshops.
    for title_ja, title_en, starts_at, goals, attended in (
        (
            "伝統工芸の端材アップサイクル ワークショップ",
            "Upcycling craft offcuts workshop",
            _at(2021, 7, 10),
            (12,),
            18,
        ),
        (
            "SDGsカードゲーム ワークショップ",
            "SDGs card game workshop",
            _at(2022, 2, 5),
            (4, 17),
            24,
        ),
        ("脱炭素なくらし ワークショップ", "Low-carbon living workshop", _from_now(21), (7, 13), 0),
    ):
        event = _event(
            title_ja=title_ja,
            title_en=title_en,
            kind=EventKind.WORKSHOP,
            starts_at=starts_at,
            hours=3,
            place="金沢未来のまち創造館 / Kanazawa Mirai Machi Sozokan",
            audience=Audience.PUBLIC,
            capacity=30,
            goals=goals,
            organisers=organisers[:1],
        )
        if attended:
            past.append((event, attended))
        else:
            _registrations(event, attended=8, no_shows=0)

    # Observation tours to the Kuratsuki canal.
    for title_ja, title_en, starts_at, attended in (
        ("鞍月用水 見学ツアー", "Observation tour: the Kuratsuki canal", _at(2021, 6, 19, 19), 22),
        (
            "鞍月用水 ホタル観察ツアー",
            "Firefly tour along the Kuratsuki canal",
            _from_now(35, 19),
            0,
        ),
    ):
        event = _event(
            title_ja=title_ja,
            title_en=title_en,
            description_ja="まちなかを流れる鞍月用水を歩き、水辺の生きものと保全活動を学びます。",
            description_en="A walk along the Kuratsuki canal through the city centre: its "
            "wildlife and the people who look after it.",
            kind=EventKind.OBSERVATION_TOUR,
            starts_at=starts_at,
            hours=2,
            place="鞍月用水（香林坊 集合） / Kuratsuki canal (meet at Korinbo)",
            audience=Audience.PUBLIC,
            # 22 came and NO_SHOWS did not: a demo never holds more seats than it offers.
            capacity=30,
            goals=(6, 11, 15),
            organisers=organisers[1:2],
        )
        if attended:
            past.append((event, attended))

    for event, attended in past:
        _registrations(event, attended=attended)
        _minutes(
            event,
            organisations=organisations[:4],
            partners=partners[2:4],
            projects=projects if event.kind == EventKind.PARTNERS_MEETING else [],
        )
