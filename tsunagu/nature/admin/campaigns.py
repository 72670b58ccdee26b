"""Admin for staff: campaigns in Japanese and English with their sites and participants
inline; visits with their counts inline (citizens record visits on the campaign page)."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from tsunagu.core.admin_helpers import side_by_side
from tsunagu.nature.models import Campaign, CampaignParticipant, Site, Visit, VisitCount


class SiteInline(TranslationStackedInline):
    model = Site
    extra = 0
    fields = [
        ("code", "kind"),
        "name",
        ("latitude", "longitude"),
        "path",
        ("length_m", "area_m2"),
        "description",
    ]


class ParticipantInline(admin.TabularInline):
    model = CampaignParticipant
    extra = 0
    fields = ["name", "user", "is_child", "guardian_name", "guardian_consent_at", "joined_at"]
    readonly_fields = ["joined_at"]
    raw_id_fields = ["user"]


@admin.register(Campaign)
class CampaignAdmin(TranslationAdmin):
    list_display = ["title", "slug", "first_year", "publication", "is_demo"]
    list_filter = ["publication", "is_demo"]
    search_fields = ["slug", "title_ja", "title_en"]
    prepopulated_fields = {"slug": ["title_en"]}
    filter_horizontal = ["target_taxa", "organisers"]
    readonly_fields = ["event_id"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "slug",
                    side_by_side("title"),
                    side_by_side("summary"),
                    side_by_side("protocol"),
                ]
            },
        ),
        (
            None,
            {
                "fields": [
                    ("season_start_month", "season_end_month", "first_year"),
                    "target_taxa",
                    "organisers",
                    ("publication", "is_demo"),
                    "event_id",
                ]
            },
        ),
    ]
    inlines = [SiteInline, ParticipantInline]


class VisitCountInline(admin.TabularInline):
    model = VisitCount
    extra = 0
    fields = ["taxon", "count", "sub_counts", "occurrence_id"]
    readonly_fields = ["occurrence_id"]
    raw_id_fields = ["taxon"]


@admin.register(Visit)
class VisitAdmin(admin.ModelAdmin):
    list_display = ["date", "site", "campaign", "start_time", "observers_count", "weather"]
    list_filter = ["campaign", "weather", "moon", "is_complete_checklist"]
    search_fields = ["site__name_ja", "site__name_en", "site__code", "notes"]
    date_hierarchy = "date"
    list_select_related = ["site", "campaign"]
    raw_id_fields = ["recorded_by"]
    readonly_fields = ["event_id", "created_at"]
    fields = [
        ("campaign", "site"),
        ("date", "start_time", "end_time"),
        ("observers_count", "weather", "temperature_c"),
        ("moon", "artificial_light"),
        "protocol_variant",
        "is_complete_checklist",
        "notes",
        "recorded_by",
        ("event_id", "created_at"),
    ]
    inlines = [VisitCountInline]
