"""The network API: cities filtered by field and country, exchanges and meetings."""


def test_cities_filtered(client, network):
    data = client.get(
        "/api/v1/network/cities", {"field": "Crafts and Folk Art", "country": "KR"}
    ).json()
    assert [c["slug"] for c in data] == ["icheon"]
    assert data[0]["designation_year"] == 2010


def test_cities_unknown_country_is_null(client, network):
    data = client.get("/api/v1/network/cities/limoges").json()
    assert data["country"] == "FR"
    assert data["designation_year"] is None
    assert client.get("/api/v1/network/cities/atlantis").status_code == 404


def test_exchanges_of_a_city_in_either_direction(client, network):
    data = client.get("/api/v1/network/exchanges", {"city": "icheon"}).json()
    assert {e["title_en"] for e in data} == {"Residency in Icheon", "Icheon delegation"}
    demo = client.get("/api/v1/network/exchanges", {"kind": "joint_project"}).json()
    assert demo[0]["is_demo"] is True
    assert client.get("/api/v1/network/exchanges", {"city": "atlantis"}).json() == []


def test_meetings(client, network):
    data = client.get("/api/v1/network/meetings").json()
    assert data == [
        {
            "year": 2015,
            "host_city": {"slug": "kanazawa", "name_en": "Kanazawa"},
            "kanazawa_attended": True,
            "attendance_note_ja": "開催都市",
            "attendance_note_en": "Host city",
            "source_url": "http://creativekanazawa.jp/agenda.html",
            "is_demo": False,
        }
    ]
