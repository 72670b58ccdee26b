"""Taxa in the admin: names side by side in Japanese and English; the tree is edited through
the parent (rank level and ancestry follow on save)."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from tsunagu.nature.models import Taxon


@admin.register(Taxon)
class TaxonAdmin(TranslationAdmin):
    list_display = [
        "scientific_name",
        "common_name",
        "rank",
        "establishment",
        "red_list_national",
        "red_list_ishikawa",
        "is_sensitive",
    ]
    list_filter = ["rank", "establishment", "is_sensitive", "red_list_national"]
    search_fields = ["scientific_name", "common_name_ja", "common_name_en", "taxon_id"]
    autocomplete_fields = ["parent"]
    readonly_fields = ["rank_level", "ancestry", "created_at"]
    fields = [
        "scientific_name",
        "authorship",
        "rank",
        "parent",
        "common_name",
        "vernacular_names",
        "red_list_national",
        "red_list_ishikawa",
        "establishment",
        "is_sensitive",
        "taxon_id",
        "source",
        "rank_level",
        "ancestry",
        "created_at",
    ]
