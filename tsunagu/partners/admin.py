from django.contrib import admin

from tsunagu.partners.models import Partner


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ["organisation", "status", "contact_email", "applied_at", "registered_on"]
    list_filter = ["status", "organisation__kind"]
    search_fields = ["organisation__name_ja", "organisation__name_en", "contact_email"]
    autocomplete_fields = ["organisation", "area"]
    readonly_fields = ["applied_at", "reviewed_by"]
