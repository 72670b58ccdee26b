"""Demo content of the programmes app, all labelled demo: a trainee scholarship with an open
call and last year's decided call, a children's workshop with past sessions and counts, a
dispatch programme with two past dispatches to demo cities, a residency and a showcase with
upcoming sessions (event series), and a demo trainee account (demo-trainee@example.org,
no usable password).

Idempotent: everything is found again by slug, email or title."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from tsunagu.crafts.models import Craft
from tsunagu.events.models import Event, EventKind, EventSeries, EventStatus
from tsunagu.programmes.models import (
    Application,
    ApplicationStatus,
    Call,
    CallQuestion,
    Participant,
    Programme,
    ProgrammeKind,
    Report,
    ReportKind,
)

TOKYO = ZoneInfo("Asia/Tokyo")
TRAINEE_EMAIL = "demo-trainee@example.org"
SCHOLARSHIP_SLUG = "trainee-scholarship-demo"
NOTE_JA = "（デモ用の架空の内容です）"
NOTE_EN = "(Fictional content for the demo.)"


def _user(email: str, full_name: str):
    user, created = get_user_model().objects.get_or_create(
        email=email, defaults={"full_name": full_name}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    return user


def _programme(
    slug: str,
    kind: str,
    title_ja: str,
    title_en: str,
    text_ja: str,
    text_en: str,
    series: EventSeries | None = None,
) -> Programme:
    programme, _created = Programme.objects.update_or_create(
        slug=slug,
        defaults={
            "kind": kind,
            "title_ja": f"{title_ja}（デモ）",
            "title_en": f"{title_en} (demo)",
            "description_ja": f"{text_ja}\n\n{NOTE_JA}",
            "description_en": f"{text_en}\n\n{NOTE_EN}",
            "event_series": series,
            "is_published": True,
            "is_demo": True,
        },
    )
    crafts = list(Craft.objects.order_by("order", "slug")[:2])
    if crafts:
        programme.crafts.set(crafts)
    return programme


def _series(slug: str, name_ja: str, name_en: str, kind: str) -> EventSeries:
    series, _created = EventSeries.objects.update_or_create(
        slug=slug,
        defaults={"name_ja": f"{name_ja}（デモ）", "name_en": f"{name_en} (demo)", "kind": kind},
    )
    return series


def _session(
    series: EventSeries, number: int, title_ja: str, title_en: str, starts_at: datetime
) -> Event:
    event, _created = Event.objects.update_or_create(
        series=series,
        number=number,
        defaults={
            "title_ja": f"{title_ja}（デモ）",
            "title_en": f"{title_en} (demo)",
            "description_ja": NOTE_JA,
            "description_en": NOTE_EN,
            "kind": series.kind,
            "starts_at": starts_at,
            "ends_at": starts_at + timedelta(hours=2),
            "status": EventStatus.PUBLISHED,
            "is_demo": True,
        },
    )
    return event


def _call(
    programme: Programme, title_ja: str, title_en: str, opens_at: datetime, deadline: datetime
) -> Call:
    call, _created = Call.objects.update_or_create(
        programme=programme,
        title_ja=title_ja,
        defaults={
            "title_en": title_en,
            "eligibility_ja": "金沢市内の伝統産業の工房で修業中の方（デモ）。",
            "eligibility_en": "Trainees in a traditional-industry workshop in Kanazawa (demo).",
            "required_documents_ja": "作品の写真または履歴書（PDF・JPEG・PNG）を1点以上。",
            "required_documents_en": "At least one photo of your work or a CV (PDF, JPEG or PNG).",
            "min_documents": 1,
            "opens_at": opens_at,
            "deadline": deadline,
            "is_published": True,
            "is_demo": True,
        },
    )
    CallQuestion.objects.get_or_create(
        call=call,
        order=1,
        defaults={
            "label_ja": "修業している工房と師匠",
            "label_en": "Workshop and master you train with",
            "required": True,
        },
    )
    return call


def _application(call: Call, user, status: str, reason_ja: str = "") -> Application:
    application, _created = Application.objects.get_or_create(
        call=call,
        applicant=user,
        defaults={
            "full_name": user.full_name,
            "date_of_birth": date(1998, 4, 1),
            "statement": "デモ用の志望動機です。 / A demo statement.",
            "status": status,
            "decision_reason": reason_ja,
            "decided_at": call.deadline + timedelta(days=20) if reason_ja else None,
            "is_demo": True,
        },
    )
    Application.objects.filter(pk=application.pk).update(
        submitted_at=call.deadline - timedelta(days=7)
    )
    return application


def _scholarship(trainee, now: datetime) -> None:
    programme = _programme(
        SCHOLARSHIP_SLUG,
        ProgrammeKind.SCHOLARSHIP,
        "伝統産業研修者奨励金",
        "Scholarship for traditional-industry trainees",
        "伝統工芸の工房で修業する若い研修者を支援します。",
        "Supports young trainees learning in traditional craft workshops.",
    )
    this_year = timezone.localtime(now, TOKYO).year
    _call(
        programme,
        f"{this_year}年度 研修者奨励金 募集（デモ）",
        f"Trainee scholarship {this_year}: call for applications (demo)",
        now - timedelta(days=14),
        now + timedelta(days=45),
    )
    past = _call(
        programme,
        f"{this_year - 1}年度 研修者奨励金 募集（デモ）",
        f"Trainee scholarship {this_year - 1}: call for applications (demo)",
        datetime(this_year - 1, 4, 1, 9, tzinfo=TOKYO),
        datetime(this_year - 1, 5, 31, 17, tzinfo=TOKYO),
    )
    decided = [
        (trainee, ApplicationStatus.AWARDED, "作品と研修計画が優れているため。"),
        (
            _user("demo-applicant-1@example.org", "デモ 応募者一"),
            ApplicationStatus.REJECTED,
            "今回は応募多数のため見送りました。",
        ),
        (
            _user("demo-applicant-2@example.org", "デモ 応募者二"),
            ApplicationStatus.WAITLISTED,
            "辞退者が出た場合に繰り上げます。",
        ),
        (_user("demo-applicant-3@example.org", "デモ 応募者三"), ApplicationStatus.SUBMITTED, ""),
    ]
    for user, status, reason in decided:
        application = _application(past, user, status, reason)
        if status == ApplicationStatus.AWARDED:
            participant, _created = Participant.objects.get_or_create(
                application=application,
                defaults={
                    "programme": programme,
                    "year": this_year - 1,
                    "user": user,
                    "name": user.full_name,
                    "is_demo": True,
                },
            )
            Report.objects.get_or_create(
                participant=participant,
                kind=ReportKind.ANNUAL,
                year=this_year - 1,
                defaults={
                    "title": "研修一年目の報告（デモ） / First-year report (demo)",
                    "body": f"{NOTE_JA}\n{NOTE_EN}",
                    "submitted_by": user,
                    "is_published": True,
                    "is_demo": True,
                },
            )


def _children(now: datetime) -> None:
    series = _series(
        "kogei-kids-demo",
        "こども工芸ワークショップ",
        "Children's craft workshop",
        EventKind.WORKSHOP,
    )
    programme = _programme(
        "children-workshop-demo",
        ProgrammeKind.CHILDREN_WORKSHOP,
        "こども工芸ワークショップ",
        "Children's craft workshop",
        "小学生が職人と一緒に工芸に触れるワークショップです。",
        "Primary-school children try a craft with an artisan.",
        series,
    )
    year = timezone.localtime(now, TOKYO).year
    sessions = [(1, year - 2, 28), (2, year - 1, 35), (3, year - 1, 31)]
    for number, session_year, children in sessions:
        event = _session(
            series,
            number,
            f"こども工芸ワークショップ 第{number}回",
            f"Children's craft workshop #{number}",
            datetime(session_year, 8, 1 + number, 10, tzinfo=TOKYO),
        )
        Participant.objects.update_or_create(
            programme=programme,
            name=f"{event.title_ja} 参加児童",
            defaults={"year": session_year, "count": children, "is_demo": True},
        )
    _session(
        series,
        4,
        "こども工芸ワークショップ 第4回",
        "Children's craft workshop #4",
        now + timedelta(days=30),
    )


def _dispatch(now: datetime) -> None:
    programme = _programme(
        "creative-city-dispatch-demo",
        ProgrammeKind.DISPATCH,
        "創造都市への職人派遣",
        "Craftsmen dispatched to Creative Cities",
        "職人をユネスコ創造都市ネットワークの都市へ派遣し、交流と発表を行います。",
        "Craftsmen visit cities of the UNESCO Creative Cities Network to exchange and exhibit.",
    )
    year = timezone.localtime(now, TOKYO).year
    dispatches = [
        ("デモ職人A / Demo craftsman A", year - 2, "デモ都市A / Demo City A"),
        ("デモ職人B / Demo craftsman B", year - 1, "デモ都市B / Demo City B"),
    ]
    for name, dispatch_year, city in dispatches:
        participant, _created = Participant.objects.update_or_create(
            programme=programme,
            name=name,
            defaults={"year": dispatch_year, "destination_city": city, "is_demo": True},
        )
        Report.objects.get_or_create(
            participant=participant,
            kind=ReportKind.DISPATCH,
            year=dispatch_year,
            defaults={
                "title": f"{city} 派遣報告（デモ） / Dispatch report (demo)",
                "body": f"{NOTE_JA}\n{NOTE_EN}",
                "destination_city": city,
                "is_published": True,
                "is_demo": True,
            },
        )


def _residency_and_showcase(now: datetime) -> None:
    residency_series = _series(
        "crossing-art-residency-demo",
        "クロッシング・アート・レジデンシー",
        "Crossing Art Residency",
        EventKind.WORKSHOP,
    )
    residency = _programme(
        "crossing-art-residency-demo",
        ProgrammeKind.RESIDENCY,
        "クロッシング・アート・レジデンシー",
        "Crossing Art Residency",
        "レジデンス事業の例です。実際の事業の内容は記録していません。",
        "An example of a residency programme; the real programme's details are not recorded here.",
        residency_series,
    )
    year = timezone.localtime(now, TOKYO).year
    Participant.objects.update_or_create(
        programme=residency,
        name="デモ滞在作家 / Demo resident artist",
        defaults={"year": year - 1, "is_demo": True},
    )
    _session(
        residency_series,
        1,
        "レジデンシー成果発表",
        "Residency open studio",
        now + timedelta(days=20),
    )
    triennale_series = _series(
        "triennale-of-kogei-demo",
        "金沢・世界工芸トリエンナーレ",
        "Triennale of KOGEI in Kanazawa",
        EventKind.SYMPOSIUM,
    )
    _programme(
        "triennale-of-kogei-demo",
        ProgrammeKind.SHOWCASE,
        "金沢・世界工芸トリエンナーレ",
        "Triennale of KOGEI in Kanazawa",
        # https://kanazawa-kogeitriennale.com/archive/ (history since the 1995 declaration)
        "金沢市が1995年の「世界工芸都市宣言」以来開催してきた「世界工芸都市会議・金沢」と"
        "「世界工芸コンペティション・金沢」を統合し、発展させたものです。",
        "It continues and combines the World Craft City Conference and the World Competition "
        "of Arts and Crafts that Kanazawa has held since its International Craft City "
        "Declaration of 1995.",
        triennale_series,
    )
    _session(
        triennale_series,
        1,
        "工芸トリエンナーレ シンポジウム",
        "Triennale of KOGEI symposium",
        now + timedelta(days=60),
    )


@transaction.atomic
def load() -> None:
    now = timezone.now()
    trainee = _user(TRAINEE_EMAIL, "デモ 研修者")
    _scholarship(trainee, now)
    _children(now)
    _dispatch(now)
    _residency_and_showcase(now)
