from django.contrib import admin

from tsunagu.privacy.models import PrivacyRequest


@admin.register(PrivacyRequest)
class PrivacyRequestAdmin(admin.ModelAdmin):
    """Read-only: the audit is written by the services, never edited. It names the person
    only by the pseudonymous reference."""

    list_display = ["requested_at", "kind", "status", "subject_reference", "handled_by"]
    list_filter = ["kind", "status"]
    search_fields = ["subject_reference"]
    fields = [
        "kind", "status", "subject_reference", "handled_by", "requested_at", "completed_at",
        "summary", "error",
    ]  # fmt: skip
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
