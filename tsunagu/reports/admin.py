"""Admin for staff: reports and sections can be inspected here; versions are read-only
(they are generated, and a published one never changes). Writing happens in the builder."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from tsunagu.reports.models import Report, ReportVersion, Section


class SectionInline(TranslationTabularInline):
    model = Section
    fields = ("order", "kind", "block", "params", "heading")
    extra = 0


@admin.register(Report)
class ReportAdmin(TranslationAdmin):
    list_display = ("title", "type", "period_start", "period_end", "status", "published_version")
    list_filter = ("type", "status")
    search_fields = ("title", "slug")
    readonly_fields = ("published_version", "published_at", "created_by")
    inlines = [SectionInline]


@admin.register(ReportVersion)
class ReportVersionAdmin(admin.ModelAdmin):
    list_display = ("report", "number", "status", "generated_at", "duration_seconds")
    list_filter = ("status",)
    exclude = ("snapshot",)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
