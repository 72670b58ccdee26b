"""Admin for staff: crafts with their sources, materials and images; workshops with their
opening hours; artisans; contact messages (read-only, for abuse handling)."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from tsunagu.crafts.models import (
    Artisan,
    ContactMessage,
    Craft,
    CraftImage,
    CraftMaterial,
    CraftSource,
    OpeningHours,
    Workshop,
)


class CraftSourceInline(admin.TabularInline):
    model = CraftSource
    extra = 0


class CraftMaterialInline(TranslationTabularInline):
    model = CraftMaterial
    extra = 0
    fields = ["order", "name", "note", "taxon", "material", "service"]
    raw_id_fields = ["taxon"]
    autocomplete_fields = ["material", "service"]


class CraftImageInline(TranslationTabularInline):
    model = CraftImage
    extra = 0
    fields = ["order", "image", "caption", "credit", "licence"]


@admin.register(Craft)
class CraftAdmin(TranslationAdmin):
    list_display = ["name", "slug", "designation", "meti_designation_year", "order"]
    list_filter = ["designation"]
    search_fields = ["slug", "name_ja", "name_en"]
    prepopulated_fields = {"slug": ["name_en"]}
    inlines = [CraftMaterialInline, CraftImageInline, CraftSourceInline]


class OpeningHoursInline(admin.TabularInline):
    model = OpeningHours
    extra = 0


@admin.register(Workshop)
class WorkshopAdmin(TranslationAdmin):
    list_display = ["name", "slug", "is_published", "is_demo"]
    list_filter = ["is_published", "is_demo", "crafts"]
    search_fields = ["slug", "name_ja", "name_en"]
    prepopulated_fields = {"slug": ["name_en"]}
    filter_horizontal = ["crafts"]
    raw_id_fields = ["managers"]
    inlines = [OpeningHoursInline]


@admin.register(Artisan)
class ArtisanAdmin(TranslationAdmin):
    list_display = ["name", "slug", "workshop", "is_certified_traditional_craftsperson", "is_demo"]
    list_filter = ["is_certified_traditional_craftsperson", "is_demo", "is_published"]
    search_fields = ["slug", "name_ja", "name_en"]
    prepopulated_fields = {"slug": ["name_en"]}
    filter_horizontal = ["crafts"]
    raw_id_fields = ["user", "workshop"]


@admin.register(ContactMessage)
class ContactMessageAdmin(admin.ModelAdmin):
    list_display = ["workshop", "name", "email", "created_at"]
    list_filter = ["workshop"]
    search_fields = ["name", "email", "message"]
    readonly_fields = ["workshop", "sender", "name", "email", "message", "language", "created_at"]

    def has_add_permission(self, request) -> bool:
        return False
