from . import campaigns, dwca, map, observations, taxa  # noqa: F401  (registers the admins)
