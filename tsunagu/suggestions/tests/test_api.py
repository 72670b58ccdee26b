"""POST /api/v1/suggestions/classify (the router, tested on its own until config/api.py adds it)."""

from ninja.testing import TestClient

from tsunagu.suggestions.api import MAX_TEXT_LENGTH, router

client = TestClient(router)


def test_classify_returns_goals_confidence_and_triggers():
    response = client.post(
        "/suggestions/classify", json={"text": "地元農家と連携し、フードロス削減に取り組みます。"}
    )
    assert response.status_code == 200
    body = response.json()
    goals = [item["goal"] for item in body]
    assert 12 in goals
    food_loss = next(item for item in body if item["goal"] == 12)
    assert 0 < food_loss["confidence"] <= 1
    assert "フードロス" in food_loss["triggers"]
    confidences = [item["confidence"] for item in body]
    assert confidences == sorted(confidences, reverse=True)


def test_empty_text_gives_an_empty_list():
    assert client.post("/suggestions/classify", json={"text": ""}).json() == []


def test_text_is_required_and_bounded():
    assert client.post("/suggestions/classify", json={}).status_code == 422
    too_long = "a" * (MAX_TEXT_LENGTH + 1)
    assert client.post("/suggestions/classify", json={"text": too_long}).status_code == 422
