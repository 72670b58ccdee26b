import datetime

import pytest

from tsunagu.network.models import CreativeField, ExchangeKind
from tsunagu.network.services import annual_meeting_upsert
from tsunagu.network.tests.factories import city_make, exchange_make


@pytest.fixture
def network(db):
    """Kanazawa, two crafts partners (one without coordinates), a design city, exchanges and
    a meeting."""
    kanazawa = city_make("Kanazawa", country="JP", year=2009, lat=36.56, lon=136.65)
    icheon = city_make("Icheon", country="KR", year=2010, lat=37.28, lon=127.44)
    limoges = city_make("Limoges", country="FR")
    kobe = city_make(
        "Kobe", field=CreativeField.DESIGN, country="JP", year=2008, lat=34.69, lon=135.2
    )
    exchange_make(kanazawa, icheon, start=datetime.date(2019, 5, 1), title="Residency in Icheon")
    exchange_make(
        icheon,
        kanazawa,
        kind=ExchangeKind.DELEGATION,
        start=datetime.date(2019, 9, 1),
        title="Icheon delegation",
    )
    exchange_make(
        kanazawa,
        limoges,
        kind=ExchangeKind.JOINT_PROJECT,
        start=datetime.date(2021, 3, 1),
        title="Porcelain project",
        is_demo=True,
    )
    annual_meeting_upsert(
        year=2015,
        host_city=kanazawa,
        kanazawa_attended=True,
        attendance_note_en="Host city",
        attendance_note_ja="開催都市",
        source_url="http://creativekanazawa.jp/agenda.html",
    )
    return {"kanazawa": kanazawa, "icheon": icheon, "limoges": limoges, "kobe": kobe}
