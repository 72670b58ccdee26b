from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from tsunagu.core.admin_helpers import side_by_side
from tsunagu.partners.models import CouncilMember, IntroductionRequest, Partner


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = [
        "organisation",
        "status",
        "sector",
        "contact_email",
        "applied_at",
        "registered_on",
    ]
    list_filter = ["status", "organisation__kind", "sector", "is_demo"]
    search_fields = ["organisation__name_ja", "organisation__name_en", "contact_email"]
    autocomplete_fields = ["organisation", "area"]
    readonly_fields = ["applied_at", "reviewed_by"]


@admin.register(CouncilMember)
class CouncilMemberAdmin(TranslationAdmin):
    list_display = ["person_name", "position", "partner", "term_start", "term_end", "order"]
    list_filter = ["position"]
    list_editable = ["order"]
    autocomplete_fields = ["partner", "user"]
    fields = [
        side_by_side("person_name"),
        side_by_side("title"),
        ("position", "order"),
        ("term_start", "term_end"),
        ("partner", "user"),
    ]


@admin.register(IntroductionRequest)
class IntroductionRequestAdmin(admin.ModelAdmin):
    list_display = ["from_partner", "to_partner", "project", "requested_by", "created_at"]
    readonly_fields = ["created_at"]
    autocomplete_fields = ["from_partner", "to_partner"]
