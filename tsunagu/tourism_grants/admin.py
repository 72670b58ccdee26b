"""Admin: calls with their criteria; applications, awards and reports read mostly. Awards and
payments change the committed budget, so they are made on the staff pages (services), not here."""

from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from tsunagu.tourism_grants.models import (
    ApplicationDocument,
    Award,
    BudgetLine,
    CriterionScore,
    GrantApplication,
    GrantCall,
    GrantConflict,
    GrantReport,
    Payment,
    ReportAttachment,
    ScoringCriterion,
)


class ScoringCriterionInline(TranslationTabularInline):
    model = ScoringCriterion
    extra = 1


@admin.register(GrantCall)
class GrantCallAdmin(TranslationAdmin):
    list_display = ["title", "opens_at", "deadline", "budget_yen", "committed_yen", "is_demo"]
    list_filter = ["is_demo"]
    search_fields = ["slug", "title_ja", "title_en"]
    readonly_fields = ["committed_yen"]
    inlines = [ScoringCriterionInline]


class BudgetLineInline(admin.TabularInline):
    model = BudgetLine
    extra = 0


class DocumentInline(admin.TabularInline):
    model = ApplicationDocument
    extra = 0
    readonly_fields = ["original_name", "content_type", "uploaded_at"]
    fields = readonly_fields
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class ScoreInline(admin.TabularInline):
    model = CriterionScore
    extra = 0
    readonly_fields = ["criterion", "assessor", "score", "comment"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(GrantApplication)
class GrantApplicationAdmin(admin.ModelAdmin):
    list_display = ["project_title", "call", "applicant", "organisation", "requested_yen", "status"]
    list_filter = ["status", "call"]
    search_fields = ["project_title", "applicant__email", "organisation__name_ja"]
    readonly_fields = ["status", "submitted_at"]
    raw_id_fields = ["applicant", "organisation"]
    inlines = [BudgetLineInline, DocumentInline, ScoreInline]


class PaymentInline(admin.TabularInline):
    model = Payment
    extra = 0
    readonly_fields = ["amount_yen", "paid_on", "recorded_by", "note"]
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Award)
class AwardAdmin(admin.ModelAdmin):
    list_display = ["application", "amount_yen", "paid_yen", "decided_at"]
    readonly_fields = ["application", "amount_yen", "paid_yen", "decided_by", "decided_at"]
    inlines = [PaymentInline]

    def has_add_permission(self, request):
        return False


class ReportAttachmentInline(admin.TabularInline):
    model = ReportAttachment
    extra = 0
    readonly_fields = ["original_name", "content_type"]
    fields = readonly_fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(GrantReport)
class GrantReportAdmin(admin.ModelAdmin):
    list_display = ["award", "status", "submitted_at", "reviewed_at"]
    list_filter = ["status"]
    readonly_fields = ["award", "submitted_at"]
    inlines = [ReportAttachmentInline]


@admin.register(GrantConflict)
class GrantConflictAdmin(admin.ModelAdmin):
    list_display = ["assessor", "applicant", "organisation", "declared_by", "declared_at"]
    search_fields = ["assessor__email", "applicant__email", "organisation__name_ja"]
    raw_id_fields = ["assessor", "applicant", "organisation", "declared_by"]
    readonly_fields = ["declared_at"]
