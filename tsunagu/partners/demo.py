"""Demo partners (fictional, labelled "demo") and the council; the secretariat organisations
from accounts.demo become active partners too."""

import datetime

from django.db import transaction

from tsunagu.accounts.models import Organisation, OrganisationKind
from tsunagu.accounts.services import organisation_save
from tsunagu.core.models import Goal, PublicationStatus
from tsunagu.partners.demo_data import PARTNERS
from tsunagu.partners.models import (
    CouncilMember,
    CouncilPosition,
    Partner,
    PartnerSize,
    PartnerStatus,
)

SECRETARIAT = {
    "kanazawa-city": ("会場と広報の協力", "参加する市民団体", "会場, 広報", "ボランティア"),
    "unu-ias-ouik": (
        "生物文化多様性の調査手法と対話の場づくり",
        "調査に参加する市民と学校",
        "研究, 専門知識",
        "学校連携, ボランティア",
    ),
    "jc-kanazawa": ("若手経営者のネットワーク", "SDGsの事業アイデア", "企業連携, 資金", "学生"),
}

# The council: the mayor chairs it, two deputy chairs, eight members, a secretary (demo names).
COUNCIL = [
    (
        "chair",
        "金沢 太郎（デモ）",
        "Taro Kanazawa (demo)",
        "金沢市長",
        "Mayor of Kanazawa",
        "kanazawa-city",
    ),
    (
        "deputy_chair",
        "国連 花子（デモ）",
        "Hanako Kokuren (demo)",
        "国連大学OUIK 所長",
        "Director, UNU-IAS OUIK",
        "unu-ias-ouik",
    ),
    (
        "deputy_chair",
        "青年 一郎（デモ）",
        "Ichiro Seinen (demo)",
        "金沢青年会議所 理事長",
        "President, JC Kanazawa",
        "jc-kanazawa",
    ),
    (
        "member",
        "箔 美咲（デモ）",
        "Misaki Haku (demo)",
        "箔一工房 代表",
        "Head, Hakuichi Gold Leaf Studio",
        "demo-hakuichi-kobo",
    ),
    (
        "member",
        "信金 誠（デモ）",
        "Makoto Shinkin (demo)",
        "金沢しんきん 地域振興部長",
        "Kanazawa Shinkin",
        "demo-kanazawa-shinkin",
    ),
    (
        "member",
        "蛍 由美（デモ）",
        "Yumi Hotaru (demo)",
        "鞍月用水ほたるの会 会長",
        "Kuratsuki Canal Firefly Society",
        "demo-hotaru-kai",
    ),
    (
        "member",
        "食堂 修（デモ）",
        "Osamu Shokudo (demo)",
        "こども食堂ひがし 理事長",
        "Higashi Children's Cafeteria",
        "demo-kodomo-shokudo",
    ),
    (
        "member",
        "工芸 聡（デモ）",
        "Satoshi Kogei (demo)",
        "金沢工芸美術大学 教授",
        "Professor, University of Crafts and Arts",
        "demo-crafts-university",
    ),
    (
        "member",
        "環境 直子（デモ）",
        "Naoko Kankyo (demo)",
        "北陸環境大学 准教授",
        "Hokuriku Environmental University",
        "demo-hokuriku-university",
    ),
    (
        "member",
        "多文化 エマ（デモ）",
        "Emma Tabunka (demo)",
        "かなざわ多文化共生の会",
        "Kanazawa Multicultural Association",
        "demo-tabunka",
    ),
    (
        "member",
        "若者 翔（デモ）",
        "Sho Wakamono (demo)",
        "SDGsユース金沢 代表",
        "SDGs Youth Kanazawa",
        "demo-youth-sdgs",
    ),
    (
        "secretary",
        "事務局 陽子（デモ）",
        "Yoko Jimukyoku (demo)",
        "金沢市 SDGs推進担当",
        "SDGs Office, Kanazawa City",
        "kanazawa-city",
    ),
]

SIZES = {
    "individual": PartnerSize.INDIVIDUAL,
    "small": PartnerSize.SMALL,
    "medium": PartnerSize.MEDIUM,
    "large": PartnerSize.LARGE,
}


@transaction.atomic
def load() -> None:
    goals = {g.number: g for g in Goal.objects.all()}
    for slug, (offers, needs, offer_tags, need_tags) in SECRETARIAT.items():
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is None:
            continue
        Partner.objects.update_or_create(
            organisation=organisation,
            defaults={
                "status": PartnerStatus.ACTIVE,
                "size": PartnerSize.LARGE,
                "offers": offers,
                "needs": needs,
                "offer_tags": offer_tags,
                "need_tags": need_tags,
                "registered_on": datetime.date(2019, 9, 1),
                "contact_name": "デモ担当",
                "contact_email": f"{slug}@example.org",
            },
        )
    for index, row in enumerate(PARTNERS):
        (
            slug,
            name_ja,
            name_en,
            kind,
            sector,
            size,
            goal_numbers,
            desc_ja,
            desc_en,
            offers,
            needs,
            offer_tags,
            need_tags,
        ) = row
        individual = size == "individual"
        organisation = organisation_save(
            slug=slug,
            name_ja=name_ja,
            name_en=name_en,
            kind=OrganisationKind.OTHER if individual else kind,
            description_ja=f"{desc_ja}（デモデータ）",
            description_en=f"{desc_en} (demo data)",
            status=PublicationStatus.PUBLISHED,
            goals=[goals[n] for n in goal_numbers if n in goals],
        )
        Partner.objects.update_or_create(
            organisation=organisation,
            defaults={
                "is_demo": True,
                "is_individual": individual,
                "size": SIZES[size],
                "sector": sector,
                "offers": offers,
                "needs": needs,
                "offer_tags": offer_tags,
                "need_tags": need_tags,
                # Registrations spread over the programme's years, most in the first two.
                "registered_on": datetime.date(2019 + min(index % 7, 4), 1 + index % 12, 10),
                # The last two are newly approved, not yet active, so both statuses show.
                "status": PartnerStatus.ACTIVE
                if index < len(PARTNERS) - 2
                else PartnerStatus.APPROVED,
                "contact_name": "デモ担当",
                "contact_email": f"{slug}@example.org",
            },
        )
    partners = {p.organisation.slug: p for p in Partner.objects.select_related("organisation")}
    for order, (position, name_ja, name_en, title_ja, title_en, partner_slug) in enumerate(COUNCIL):
        CouncilMember.objects.update_or_create(
            person_name_ja=name_ja,
            defaults={
                "person_name": name_ja,
                "person_name_en": name_en,
                "title": title_ja,
                "title_ja": title_ja,
                "title_en": title_en,
                "position": CouncilPosition(position),
                "partner": partners.get(partner_slug),
                "term_start": datetime.date(2025, 4, 1),
                "term_end": datetime.date(2027, 3, 31),
                "order": order,
            },
        )
