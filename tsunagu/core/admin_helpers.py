"""Admin layout helpers shared by the apps."""

from django.conf import settings


def side_by_side(field: str) -> tuple[str, ...]:
    """One admin row holding a translated field in every language: ('title_ja', 'title_en')."""
    return tuple(f"{field}_{code}" for code, _ in settings.LANGUAGES)
