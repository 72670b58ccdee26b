from django.contrib import admin

from tsunagu.tourism_stats.models import CrowdingThreshold, MonthlyFigure, VisitorImport


@admin.register(MonthlyFigure)
class MonthlyFigureAdmin(admin.ModelAdmin):
    list_display = ["area", "year", "month", "measure", "category", "value", "is_demo"]
    list_filter = ["measure", "is_demo", "year"]
    search_fields = ["area__code", "category"]
    raw_id_fields = ["area", "import_run"]


@admin.register(VisitorImport)
class VisitorImportAdmin(admin.ModelAdmin):
    list_display = ["file_name", "imported_at", "imported_by", "rows", "months", "replaced"]
    readonly_fields = ["file_sha256", "imported_at"]


@admin.register(CrowdingThreshold)
class CrowdingThresholdAdmin(admin.ModelAdmin):
    list_display = ["area", "warning", "critical", "updated_at", "is_demo"]
