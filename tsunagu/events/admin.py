"""Admin for staff: series and events edited in Japanese and English side by side;
registrations are read-only here (they change through the services only)."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from tsunagu.core.admin_helpers import SdgTagsAdminMixin, side_by_side
from tsunagu.events.models import (
    Event,
    EventSeries,
    Invitation,
    Minutes,
    MinutesRevision,
    Question,
    Registration,
)
from tsunagu.suggestions.services import suggestions_refresh_for


@admin.register(EventSeries)
class EventSeriesAdmin(TranslationAdmin):
    list_display = ["slug", "name", "kind"]
    list_filter = ["kind"]
    search_fields = ["slug", "name_ja", "name_en"]
    prepopulated_fields = {"slug": ["name_en"]}
    fieldsets = [(None, {"fields": ["slug", side_by_side("name"), "kind"]})]


class QuestionInline(TranslationTabularInline):
    model = Question
    extra = 0
    fields = ["order", "text", "kind", "options", "required"]


@admin.register(Event)
class EventAdmin(SdgTagsAdminMixin, TranslationAdmin):
    list_display = ["title", "series", "number", "kind", "starts_at", "mode", "capacity", "status"]
    list_filter = ["status", "kind", "mode", "audience", "series"]
    search_fields = ["title_ja", "title_en", "place"]
    date_hierarchy = "starts_at"
    autocomplete_fields = ["series"]
    filter_horizontal = ["organisers"]
    inlines = [QuestionInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("series", "number"),
                    side_by_side("title"),
                    side_by_side("description"),
                    "kind",
                    "status",
                    "organisers",
                    "is_demo",
                ]
            },
        ),
        (None, {"fields": [("starts_at", "ends_at"), "mode", "place", "online_url"]}),
        (
            None,
            {
                "fields": [
                    ("audience", "school_level"),
                    "capacity",
                    ("registration_deadline", "cancellation_deadline"),
                ]
            },
        ),
    ]

    def sdg_tags_saved(self, request, obj) -> None:
        suggestions_refresh_for(obj)


@admin.register(Registration)
class RegistrationAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "email", "event", "status", "created_at", "checked_in_at"]
    list_filter = ["status", "event"]
    search_fields = ["code", "name", "email"]
    list_select_related = ["event"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class ReadOnlyAdmin(admin.ModelAdmin):
    """Written through the services (and the staff pages) only."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Invitation)
class InvitationAdmin(ReadOnlyAdmin):
    list_display = ["email", "event", "created_at", "registration"]
    list_select_related = ["event", "registration"]
    search_fields = ["email", "name"]


class MinutesRevisionInline(admin.TabularInline):
    model = MinutesRevision
    fields = ["number", "author", "created_at", "is_published"]
    readonly_fields = fields
    extra = 0

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Minutes)
class MinutesAdmin(ReadOnlyAdmin):
    list_display = ["event", "is_published", "updated_at"]
    list_select_related = ["event"]
    inlines = [MinutesRevisionInline]
