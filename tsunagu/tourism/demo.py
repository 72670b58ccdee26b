"""Demo content of the tourism app, all labelled demo: four invented operators (one tour
product) with applications in different states under the Kanazawa scheme — a draft, one
waiting for the technical check, one in panel review and a tour operator approved with a
certificate —
and demo accounts (no usable password): demo-tourism-operator@example.org acts for the
operators, demo-tourism-assessor@example.org is an assessor, demo-tourism-chair@example.org
is city staff. Idempotent: operators are found again by slug."""

from datetime import date, datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from tsunagu.accounts.roles import Role
from tsunagu.accounts.services import role_grant
from tsunagu.core.models import Area
from tsunagu.tourism.models import Answer, Certificate, Operator, OperatorType, TourProduct
from tsunagu.tourism.services.applications import (
    application_create,
    application_draft_save,
    application_submit,
    evidence_add,
    technical_check,
)
from tsunagu.tourism.services.operators import operator_create
from tsunagu.tourism.services.reviews import application_decide, assessor_assign, scores_save
from tsunagu.tourism.services.schemes import default_version, schemes_seed

OPERATOR_EMAIL = "demo-tourism-operator@example.org"
ASSESSOR_EMAIL = "demo-tourism-assessor@example.org"
CHAIR_EMAIL = "demo-tourism-chair@example.org"
KANAZAWA_CODE = "17201"
EVIDENCE_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)

OPERATORS = [
    (
        "higashi-guesthouse-demo",
        "ひがし茶屋ゲストハウス（デモ）",
        "Higashi Chaya Guesthouse (demo)",
        OperatorType.ACCOMMODATION,
        "draft",
    ),
    (
        "saigawa-walks-demo",
        "犀川まち歩きツアー（デモ）",
        "Saigawa Town Walks (demo)",
        OperatorType.TOUR_OPERATOR,
        "approved",
    ),
    (
        "kutani-studio-demo",
        "九谷焼体験工房（デモ）",
        "Kutani Ware Studio (demo)",
        OperatorType.CRAFT_WORKSHOP,
        "panel_review",
    ),
    (
        "asano-riverside-inn-demo",
        "浅野川リバーサイド旅館（デモ）",
        "Asanogawa Riverside Inn (demo)",
        OperatorType.ACCOMMODATION,
        "submitted",
    ),
]


def _user(email: str, full_name: str, role: Role | None = None):
    user, created = get_user_model().objects.get_or_create(
        email=email, defaults={"full_name": full_name}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
        if role is not None:
            role_grant(user=user, role=role)
    return user


def _answers(version, codes) -> dict:
    return {
        item.code: (Answer.MET, "（デモ）取り組んでいます。 (demo) We do this.")
        for indicator in version.indicators.filter(code__in=codes)
        for item in indicator.items.all()
    }


def _application(operator, stage: str, member, assessor, chair, version) -> None:
    from django.core.files.base import ContentFile

    codes = ["1", "2", "6"]
    application = application_create(operator=operator, version=version, by=member)
    application.is_demo = True
    application.save(update_fields=["is_demo"])
    application_draft_save(
        application=application, by=member, indicator_codes=codes, answers=_answers(version, codes)
    )
    if stage == "draft":
        return
    evidence_add(
        application=application, by=member, file=ContentFile(EVIDENCE_PDF, name="demo-evidence.pdf")
    )
    application_submit(application=application, by=member)
    if stage == "submitted":
        return
    technical_check(application=application, by=chair, accept=True)
    assessor_assign(application=application, assessor=assessor, by=chair)
    if stage == "panel_review":
        return
    scores_save(
        application=application,
        assessor=assessor,
        scores={code: ("met", "") for code, _answer in _answers(version, codes).items()},
    )
    application_decide(application=application, by=chair, reasons={})


def _backdate(operator) -> None:
    """The demo operators registered in December last year and were certified on its last
    day: their certificates are current now and count in last year's tourism indicators."""
    year = timezone.localdate().year - 1
    tz = timezone.get_current_timezone()
    Operator.objects.filter(pk=operator.pk).update(created_at=datetime(year, 12, 1, 10, tzinfo=tz))
    for certificate in Certificate.objects.filter(operator=operator):
        issued = date(year, 12, 31)
        Certificate.objects.filter(pk=certificate.pk).update(
            issued_on=issued,
            expires_on=issued + timedelta(days=certificate.version.validity_days),
        )
        certificate.history.update(at=datetime(year, 12, 31, 10, tzinfo=tz))


@transaction.atomic
def load() -> None:
    schemes_seed()
    version = default_version()
    member = _user(OPERATOR_EMAIL, "デモ 観光事業者")
    assessor = _user(ASSESSOR_EMAIL, "デモ 審査員", Role.ASSESSOR)
    chair = _user(CHAIR_EMAIL, "デモ 審査委員長", Role.CITY_STAFF)
    area = Area.objects.filter(code=KANAZAWA_CODE).first()
    for slug, name_ja, name_en, type_, stage in OPERATORS:
        if Operator.objects.filter(slug=slug).exists():
            continue
        operator = operator_create(
            name=name_ja,
            name_ja=name_ja,
            name_en=name_en,
            slug=slug,
            type=type_,
            members=[member],
            is_demo=True,
            area=area,
        )
        _application(operator, stage, member, assessor, chair, version)
        _backdate(operator)
        if type_ == OperatorType.TOUR_OPERATOR:
            TourProduct.objects.create(
                operator=operator,
                title_ja="犀川の朝さんぽ（デモ）",
                title_en="Morning walk along the Sai River (demo)",
                itinerary_ja="犀川大橋 → にし茶屋街 → 寺町寺院群",
                duration_minutes=120,
                places="犀川, にし茶屋街, 寺町",
                price_yen=3000,
                languages="ja, en",
                is_demo=True,
            )
