"""Nature pages: each topic keeps its own URL module."""

from . import campaigns, dwca, home, map, observations, taxa

app_name = "nature"
urlpatterns = [
    *home.urlpatterns,
    *observations.urlpatterns,
    *taxa.urlpatterns,
    *campaigns.urlpatterns,
    *dwca.urlpatterns,
    *map.urlpatterns,
]
