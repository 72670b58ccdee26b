"""Admin for staff: series and events edited in Japanese and English side by side;
registrations are read-only here (they change through the services only)."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from tsunagu.core.admin_helpers import side_by_side
from tsunagu.events.models import Event, EventSeries, Registration


@admin.register(EventSeries)
class EventSeriesAdmin(TranslationAdmin):
    list_display = ["slug", "name", "kind"]
    list_filter = ["kind"]
    search_fields = ["slug", "name_ja", "name_en"]
    prepopulated_fields = {"slug": ["name_en"]}
    fieldsets = [(None, {"fields": ["slug", side_by_side("name"), "kind"]})]


@admin.register(Event)
class EventAdmin(TranslationAdmin):
    list_display = ["title", "series", "number", "kind", "starts_at", "mode", "capacity", "status"]
    list_filter = ["status", "kind", "mode", "audience", "series"]
    search_fields = ["title_ja", "title_en", "place"]
    date_hierarchy = "starts_at"
    autocomplete_fields = ["series"]
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
                ]
            },
        ),
        (None, {"fields": [("starts_at", "ends_at"), "mode", "place", "online_url"]}),
        (
            None,
            {
                "fields": [
                    "audience",
                    "capacity",
                    ("registration_deadline", "cancellation_deadline"),
                ]
            },
        ),
    ]


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
