"""Past Darwin Core imports, read-only: they record what happened."""

from django.contrib import admin

from tsunagu.nature.models import DarwinCoreImport


@admin.register(DarwinCoreImport)
class DarwinCoreImportAdmin(admin.ModelAdmin):
    list_display = [
        "created_at",
        "file_name",
        "dataset_title",
        "core_type",
        "rows_created",
        "rows_updated",
        "imported_by",
    ]
    list_filter = ["core_type"]
    search_fields = ["file_name", "dataset_title"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
