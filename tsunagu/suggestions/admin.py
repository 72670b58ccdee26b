from django.contrib import admin

from tsunagu.suggestions.models import SdgSuggestion


@admin.register(SdgSuggestion)
class SdgSuggestionAdmin(admin.ModelAdmin):
    list_display = ["content_type", "object_id", "goal", "confidence", "status", "decided_by"]
    list_filter = ["status", "goal", "content_type"]
    readonly_fields = ["created_at", "decided_at"]
