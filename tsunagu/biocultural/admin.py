"""Admin for staff: the elements with their links inline, side by side in Japanese and English."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from tsunagu.biocultural.models import (
    CulturalElement,
    EcosystemService,
    Link,
    Material,
    Place,
    Source,
)
from tsunagu.core.admin_helpers import side_by_side


class LinkInline(TranslationStackedInline):
    model = Link
    extra = 0
    fields = ["order", ("service", "taxon", "material", "place"), "explanation", "sources"]
    autocomplete_fields = ["service", "material", "place", "sources"]
    # the nature app owns the taxon admin; a raw id works whether or not it is searchable
    raw_id_fields = ["taxon"]


@admin.register(CulturalElement)
class CulturalElementAdmin(TranslationAdmin):
    list_display = ["name", "kind", "place_name", "is_demo", "updated_at"]
    list_filter = ["kind", "is_demo"]
    search_fields = ["slug", "name_ja", "name_en"]
    prepopulated_fields = {"slug": ["name_en"]}
    autocomplete_fields = ["area"]
    fieldsets = [
        (None, {"fields": ["slug", "kind", side_by_side("name"), side_by_side("description")]}),
        (None, {"fields": [side_by_side("place_name"), ("latitude", "longitude"), "area"]}),
        (None, {"fields": [("image", "image_credit"), "is_demo"]}),
    ]
    inlines = [LinkInline]


@admin.register(EcosystemService)
class EcosystemServiceAdmin(TranslationAdmin):
    list_display = ["code", "name", "vocabulary", "section"]
    list_filter = ["vocabulary", "section"]
    search_fields = ["code", "name_ja", "name_en"]


@admin.register(Place)
class PlaceAdmin(TranslationAdmin):
    list_display = ["name", "kind", "parent", "area"]
    list_filter = ["kind"]
    search_fields = ["slug", "name_ja", "name_en"]
    autocomplete_fields = ["parent", "area"]


@admin.register(Material)
class MaterialAdmin(TranslationAdmin):
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["slug", "name_ja", "name_en"]


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["title", "url"]
    search_fields = ["title", "url"]
