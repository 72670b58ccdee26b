from tsunagu.tourism import demo


def test_scheme_is_data_in_the_api(client, version):
    response = client.get("/api/v1/tourism/schemes/kanazawa-sdg-tourism")
    assert response.status_code == 200
    body = response.json()
    assert body["required_indicator_codes"] == ["1", "2"]
    assert len(body["indicators"]) == 8
    assert body["is_paraphrase"] is True


def test_register_lists_current_certificates(client, version):
    demo.load()
    certificates = client.get("/api/v1/tourism/certificates").json()
    assert len(certificates) == 1
    number = certificates[0]["number"]
    assert client.get(f"/api/v1/tourism/certificates/{number}").json()["status"] == "current"
    assert client.get("/api/v1/tourism/certificates", {"indicator": "5"}).json() == []
