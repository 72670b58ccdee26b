"""Admin for staff. Decisions are made on the review page (which notifies the applicant), so
an application's status is read-only here."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from tsunagu.programmes import services
from tsunagu.programmes.models import (
    Application,
    ApplicationDocument,
    Call,
    CallQuestion,
    Participant,
    Programme,
    Report,
    Score,
)


class CallQuestionInline(TranslationTabularInline):
    model = CallQuestion
    extra = 0


@admin.register(Programme)
class ProgrammeAdmin(TranslationAdmin):
    list_display = ["title", "kind", "organiser", "event_series", "is_published", "is_demo"]
    list_filter = ["kind", "is_published", "is_demo"]
    search_fields = ["title_ja", "title_en", "slug"]
    prepopulated_fields = {"slug": ["title_en"]}
    filter_horizontal = ["crafts"]


@admin.register(Call)
class CallAdmin(TranslationAdmin):
    list_display = ["title", "programme", "opens_at", "deadline", "is_published", "is_demo"]
    list_filter = ["programme", "is_published"]
    inlines = [CallQuestionInline]


class DocumentInline(admin.TabularInline):
    model = ApplicationDocument
    extra = 0
    fields = ["original_name", "content_type", "size"]
    readonly_fields = fields
    can_delete = False


class ScoreInline(admin.TabularInline):
    model = Score
    extra = 0
    fields = ["assessor", "criterion", "value", "comment"]
    readonly_fields = fields
    can_delete = False


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["full_name", "call", "status", "submitted_at", "is_demo"]
    list_filter = ["status", "call__programme"]
    search_fields = ["full_name", "applicant__email"]
    readonly_fields = ["status", "decision_reason", "decided_by", "decided_at", "submitted_at"]
    raw_id_fields = ["applicant"]
    inlines = [DocumentInline, ScoreInline]


@admin.register(Participant)
class ParticipantAdmin(admin.ModelAdmin):
    list_display = ["name", "programme", "year", "count", "destination_city", "is_demo"]
    list_filter = ["programme", "year"]
    raw_id_fields = ["user", "application"]


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "year", "participant", "is_published", "is_demo"]
    list_filter = ["kind", "is_published"]
    actions = ["publish"]

    @admin.action(description=_("Publish the selected reports"))
    def publish(self, request, queryset):
        for report in queryset:
            services.report_publish(report=report, by=request.user)
