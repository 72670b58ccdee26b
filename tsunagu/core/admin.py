"""Admin for staff; translated fields are edited in Japanese and English side by side."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from tsunagu.core.admin_helpers import side_by_side
from tsunagu.core.models import Area, CityFact, CityProfile, Goal, LocalTarget, Target


@admin.register(Goal)
class GoalAdmin(TranslationAdmin):
    list_display = ["number", "short_title", "colour"]
    fieldsets = [
        (None, {"fields": ["number", side_by_side("short_title"), side_by_side("title"), "colour"]})
    ]


@admin.register(Target)
class TargetAdmin(TranslationAdmin):
    list_display = ["code", "goal", "title"]
    list_filter = ["goal"]
    search_fields = ["code", "title_ja", "title_en"]
    fieldsets = [(None, {"fields": ["code", "goal", side_by_side("title")]})]


@admin.register(LocalTarget)
class LocalTargetAdmin(TranslationAdmin):
    list_display = ["code", "title", "status", "is_demo"]
    list_filter = ["status", "is_demo", "target__goal"]
    search_fields = ["code", "title_ja", "title_en"]
    autocomplete_fields = ["target"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "target",
                    "number",
                    side_by_side("title"),
                    side_by_side("description"),
                    "status",
                    "is_demo",
                ]
            },
        )
    ]


@admin.register(Area)
class AreaAdmin(TranslationAdmin):
    list_display = ["code", "name", "kind", "parent"]
    list_filter = ["kind"]
    search_fields = ["code", "name_ja", "name_en"]
    autocomplete_fields = ["parent", "members"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "code",
                    "kind",
                    "parent",
                    side_by_side("name"),
                    "members",
                    ("centroid_lat", "centroid_lon"),
                    "geometry_source",
                ]
            },
        )
    ]


class CityFactInline(TranslationTabularInline):
    model = CityFact
    extra = 0


@admin.register(CityProfile)
class CityProfileAdmin(TranslationAdmin):
    inlines = [CityFactInline]
    fieldsets = [
        (None, {"fields": ["area", side_by_side("tagline"), side_by_side("summary"), "website"]})
    ]
    autocomplete_fields = ["area"]
