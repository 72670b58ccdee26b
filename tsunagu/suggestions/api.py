"""Stateless preview for forms: POST /api/v1/suggestions/classify {"text": ...}."""

from django.http import HttpRequest
from ninja import Field, Router, Schema

from tsunagu.suggestions.engine import classify

router = Router(tags=["sdg suggestions"])

# A profile, project or event text is far shorter; the cap keeps an anonymous call cheap.
MAX_TEXT_LENGTH = 20_000


class ClassifyIn(Schema):
    text: str = Field(..., max_length=MAX_TEXT_LENGTH)


class SuggestionOut(Schema):
    goal: int
    confidence: float
    triggers: list[str]


@router.post("/suggestions/classify", response=list[SuggestionOut])
def suggestions_classify(request: HttpRequest, payload: ClassifyIn):
    """The SDGs a Japanese or English text addresses, with a confidence (0..1) and the words
    that led to each suggestion; nothing is stored."""
    return classify(payload.text)
