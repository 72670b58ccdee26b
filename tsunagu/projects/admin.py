"""Admin for staff: projects in Japanese and English side by side, with their deliverables,
resources and progress reports inline (reports are read here; partners submit them)."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from tsunagu.core.admin_helpers import SdgTagsAdminMixin, side_by_side
from tsunagu.projects.models import Deliverable, ProgressReport, Project, Resource
from tsunagu.suggestions.services import suggestions_refresh_for


class DeliverableInline(admin.TabularInline):
    model = Deliverable
    extra = 0
    fields = ["order", "title", "due_on", "is_done", "done_on"]


class ResourceInline(admin.TabularInline):
    model = Resource
    fk_name = "project"
    extra = 0
    fields = ["kind", "description", "amount_jpy", "person_days", "provided_by"]
    autocomplete_fields = ["provided_by"]


class ProgressReportInline(admin.StackedInline):
    model = ProgressReport
    extra = 0
    fields = ["year", "submitted_at", "summary", "figures"]
    readonly_fields = ["submitted_at"]
    show_change_link = True


@admin.register(Project)
class ProjectAdmin(SdgTagsAdminMixin, TranslationAdmin):
    list_display = ["title", "lead_partner", "status", "publication", "starts_on", "is_demo"]
    list_filter = ["status", "publication", "is_demo"]
    search_fields = ["slug", "title_ja", "title_en", "lead_partner__organisation__name_ja"]
    list_select_related = ["lead_partner__organisation"]
    autocomplete_fields = ["lead_partner", "co_partners", "area"]
    filter_horizontal = ["indicators"]
    date_hierarchy = "created_at"
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "slug",
                    side_by_side("title"),
                    side_by_side("description"),
                    "lead_partner",
                    "co_partners",
                ]
            },
        ),
        (None, {"fields": ["area", "place", ("starts_on", "ends_on")]}),
        (None, {"fields": ["status", "publication", "indicators", "is_demo"]}),
    ]
    inlines = [DeliverableInline, ResourceInline, ProgressReportInline]

    def sdg_tags_saved(self, request, obj) -> None:
        suggestions_refresh_for(obj)


@admin.register(ProgressReport)
class ProgressReportAdmin(admin.ModelAdmin):
    list_display = ["project", "year", "submitted_at"]
    list_filter = ["year"]
    search_fields = ["project__title_ja", "project__title_en"]
    list_select_related = ["project"]
    readonly_fields = ["submitted_by", "submitted_at"]
    filter_horizontal = ["deliverables_done"]
