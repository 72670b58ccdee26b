"""Demo content of the network app: UNESCO's list when the shared data file is present (else
the cities of our verified facts file), the annual meetings we verified with their sources,
and a handful of Kanazawa's exchanges that are invented and flagged as demo."""

import datetime
from pathlib import Path

from django.conf import settings
from django.db import transaction

from tsunagu.network.models import KANAZAWA, CreativeCity, Exchange, ExchangeKind
from tsunagu.network.services import (
    annual_meeting_upsert,
    creative_cities_import,
    creative_city_facts_apply,
    exchange_create,
)

UCCN_CSV = Path("uccn") / "creative-cities.csv"
CONFERENCES = "https://webarchive.unesco.org/web/20220315092632/https:/en.unesco.org/creative-cities/content/annual-conferences"

# (year, host city in UNESCO's list, Kanazawa attended, note ja, note en, source)
MEETINGS = [
    (2009, "Lyon", None, "", "", CONFERENCES),
    (2010, "Shenzhen", None, "", "", CONFERENCES),
    (2011, "Seoul", None, "", "", CONFERENCES),
    (2012, "Montreal", None, "", "", CONFERENCES),
    (2013, "Bologna", None, "", "", CONFERENCES),
    (2014, "Chengdu", None, "", "", "https://www.tsuruokagastronomy.com/about-us"),
    (
        2015,
        "Kanazawa",
        True,
        "開催都市（第9回年次総会、2015年5月25日〜28日）",
        "Host city (9th Annual Meeting, 25–28 May 2015)",
        "http://creativekanazawa.jp/agenda.html",
    ),
    (
        2016,
        "Östersund",
        None,
        "",
        "",
        "https://webarchive.unesco.org/web/20181208083738/http://www.unesco.org/new/en/media-services/single-view/news/unescos_creative_cities_network_to_meet_in_oestersund-1/",
    ),
    (
        2017,
        "Enghien-les-Bains",
        None,
        "",
        "",
        "https://www.designcities.net/events/11th-annual-meeting-unesco-creative-cities-network/",
    ),
]

# Invented for the demo (is_demo=True): partner, kind, start, end, title ja/en, people, outcomes
DEMO_EXCHANGES = [
    (
        "Jingdezhen",
        ExchangeKind.CRAFTSMEN_DISPATCH,
        datetime.date(2018, 10, 15),
        datetime.date(2018, 10, 22),
        "九谷焼・大樋焼の職人派遣（デモ）",
        "Dispatch of Kutani and Ohi ware potters (demo)",
        "陶芸家 2名（デモ）",
        "Two potters (demo)",
        "共同窯焚きとワークショップ（デモ）",
        "Joint firing and workshops (demo)",
    ),
    (
        "Icheon",
        ExchangeKind.RESIDENCY,
        datetime.date(2019, 5, 1),
        datetime.date(2019, 6, 30),
        "利川での陶芸レジデンス（デモ）",
        "Ceramics residency in Icheon (demo)",
        "若手作家 1名（デモ）",
        "One young artist (demo)",
        "成果展を金沢で開催（デモ）",
        "Exhibition of the results in Kanazawa (demo)",
    ),
    (
        "Fabriano",
        ExchangeKind.JOINT_PROJECT,
        datetime.date(2019, 9, 10),
        None,
        "和紙と手漉き紙の共同プロジェクト（デモ）",
        "Washi and hand-made paper joint project (demo)",
        "",
        "",
        "",
        "",
    ),
    (
        "Paducah",
        ExchangeKind.DELEGATION,
        datetime.date(2022, 11, 7),
        datetime.date(2022, 11, 10),
        "パデューカ市代表団の来訪（デモ）",
        "Visit of a delegation from Paducah (demo)",
        "市職員 3名（デモ）",
        "Three city officials (demo)",
        "",
        "",
    ),
    (
        "Tambasasayama",
        ExchangeKind.MEETING,
        datetime.date(2023, 2, 20),
        None,
        "国内クラフト都市会議（デモ）",
        "Meeting of Japan's crafts cities (demo)",
        "",
        "",
        "",
        "",
    ),
    (
        "Jingdezhen",
        ExchangeKind.JOINT_PROJECT,
        datetime.date(2024, 4, 1),
        datetime.date(2024, 9, 30),
        "磁器と金箔の共同制作（デモ）",
        "Porcelain and gold leaf collaboration (demo)",
        "",
        "",
        "",
        "",
    ),
]


def _cities_load() -> None:
    path = Path(settings.TSUNAGU_DATA_DIR) / UCCN_CSV
    if path.is_file():
        creative_cities_import(path=path)
    else:
        creative_city_facts_apply(create_missing=True)


@transaction.atomic
def load() -> None:
    _cities_load()
    by_name = {c.unesco_name: c for c in CreativeCity.objects.all()}
    for year, host, attended, note_ja, note_en, source in MEETINGS:
        if host in by_name:
            annual_meeting_upsert(
                year=year,
                host_city=by_name[host],
                kanazawa_attended=attended,
                attendance_note_ja=note_ja,
                attendance_note_en=note_en,
                source_url=source,
            )
    kanazawa = by_name.get(KANAZAWA)
    if kanazawa is None:
        return
    Exchange.objects.filter(is_demo=True).delete()
    for partner, kind, start, end, t_ja, t_en, p_ja, p_en, o_ja, o_en in DEMO_EXCHANGES:
        if partner in by_name:
            exchange_create(
                city=kanazawa,
                partner=by_name[partner],
                kind=kind,
                start_date=start,
                end_date=end,
                title_ja=t_ja,
                title_en=t_en,
                people_ja=p_ja,
                people_en=p_en,
                outcomes_ja=o_ja,
                outcomes_en=o_en,
                is_demo=True,
            )
