from django.contrib import admin

from tsunagu.biodiversity_index.models import Assessment, Indicator, IndicatorScore


@admin.register(Indicator)
class IndicatorAdmin(admin.ModelAdmin):
    list_display = ["number", "name_en", "component", "method", "thresholds_note"]
    list_filter = ["component", "method"]
    # Definitions come from definitions.py; editing them here would be undone by the next sync.
    readonly_fields = [f.name for f in Indicator._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False


class IndicatorScoreInline(admin.TabularInline):
    model = IndicatorScore
    extra = 0
    can_delete = False
    fields = ["indicator", "raw_value", "score", "is_computed", "computed_score", "override_reason"]
    # Scores are edited on the staff page, whose service checks ranges and overrides.
    readonly_fields = fields

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    list_display = ["area", "year", "status", "is_demo", "published_at", "revision"]
    list_filter = ["status", "is_demo"]
    readonly_fields = ["status", "published_at", "revision"]
    inlines = [IndicatorScoreInline]
