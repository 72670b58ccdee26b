"""Admin for staff: member cities with their verified facts, exchanges and meetings, in
Japanese and English side by side."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from tsunagu.network.models import AnnualMeeting, CreativeCity, Exchange


@admin.register(CreativeCity)
class CreativeCityAdmin(TranslationAdmin):
    list_display = ["unesco_name", "field", "country", "designation_year", "has_coordinates"]
    list_filter = ["field", "country"]
    search_fields = ["unesco_name", "name_ja", "name_en", "slug"]
    readonly_fields = ["unesco_name", "description", "unesco_url"]

    @admin.display(boolean=True, description="lat/lon")
    def has_coordinates(self, city: CreativeCity) -> bool:
        return city.has_coordinates


@admin.register(Exchange)
class ExchangeAdmin(TranslationAdmin):
    list_display = ["title", "city", "partner", "kind", "start_date", "is_demo"]
    list_filter = ["kind", "is_demo"]
    search_fields = ["title_ja", "title_en", "people_ja", "people_en"]
    autocomplete_fields = ["city", "partner"]
    date_hierarchy = "start_date"


@admin.register(AnnualMeeting)
class AnnualMeetingAdmin(TranslationAdmin):
    list_display = ["year", "host_city", "kanazawa_attended", "is_demo"]
    list_filter = ["kanazawa_attended", "is_demo"]
    autocomplete_fields = ["host_city"]
