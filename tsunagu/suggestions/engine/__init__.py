"""SDG suggestions engine: pure Python, no Django; bilingual lexicons shipped in data/."""

from tsunagu.suggestions.engine.classifier import DEFAULT_THRESHOLD, GoalSuggestion, classify

__all__ = ["DEFAULT_THRESHOLD", "GoalSuggestion", "classify"]
