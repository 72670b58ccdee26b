from .places import Area, AreaKind, CityFact, CityProfile
from .sdg import Goal, LocalTarget, PublicationStatus, SdgRelatedModel, SdgRelation, Target

__all__ = [
    "Area",
    "AreaKind",
    "CityFact",
    "CityProfile",
    "Goal",
    "LocalTarget",
    "PublicationStatus",
    "SdgRelatedModel",
    "SdgRelation",
    "Target",
]
