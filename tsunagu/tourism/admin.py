"""Admin for staff. Schemes are edited here; a version used by applications is read-only
(copy it into a new version with the action). Workflow states change on the review pages."""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from tsunagu.tourism.models import (
    Application,
    AuditEntry,
    Certificate,
    ConflictOfInterest,
    Indicator,
    Item,
    Operator,
    Scheme,
    SchemeVersion,
    TourProduct,
)
from tsunagu.tourism.services.schemes import scheme_version_copy


class _FrozenWhenUsed:
    def _version(self, obj):
        return (
            obj
            if isinstance(obj, SchemeVersion)
            else getattr(obj, "version", None)
            or (obj.indicator.version if isinstance(obj, Item) else None)
        )

    def has_change_permission(self, request, obj=None):
        version = self._version(obj) if obj is not None else None
        if version is not None and version.is_used:
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self.has_change_permission(request, obj)


class IndicatorInline(_FrozenWhenUsed, TranslationStackedInline):
    model = Indicator
    extra = 0
    fields = ["code", "position", "title", "description"]

    def has_add_permission(self, request, obj=None):
        return not (obj is not None and obj.is_used)


@admin.register(Scheme)
class SchemeAdmin(TranslationAdmin):
    list_display = ["code", "name", "is_default"]


@admin.register(SchemeVersion)
class SchemeVersionAdmin(_FrozenWhenUsed, admin.ModelAdmin):
    list_display = ["scheme", "number", "min_indicators", "item_share_needed", "created_at"]
    inlines = [IndicatorInline]
    actions = ["copy_version"]

    @admin.action(description=_("Copy into a new version"))
    def copy_version(self, request, queryset):
        for version in queryset:
            copy = scheme_version_copy(version=version)
            self.message_user(
                request, _("Created %(version)s.") % {"version": copy}, messages.SUCCESS
            )


@admin.register(Item)
class ItemAdmin(_FrozenWhenUsed, TranslationAdmin):
    list_display = ["code", "title", "indicator", "is_mandatory"]
    list_filter = ["indicator__version", "is_mandatory"]


@admin.register(Operator)
class OperatorAdmin(TranslationAdmin):
    list_display = ["name", "type", "area", "is_demo"]
    list_filter = ["type", "is_demo"]
    search_fields = ["name_ja", "name_en", "slug"]
    filter_horizontal = ["members"]
    autocomplete_fields = ["area"]


@admin.register(TourProduct)
class TourProductAdmin(TranslationAdmin):
    list_display = ["title", "operator", "duration_minutes", "price_yen", "is_demo"]
    filter_horizontal = ["partners"]


@admin.register(ConflictOfInterest)
class ConflictOfInterestAdmin(admin.ModelAdmin):
    list_display = ["assessor", "operator", "declared_at"]


class AuditInline(admin.TabularInline):
    model = AuditEntry
    fk_name = "application"
    extra = 0
    can_delete = False
    readonly_fields = ["at", "actor", "from_state", "to_state", "note"]
    fields = readonly_fields

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Application)
class ApplicationAdmin(admin.ModelAdmin):
    list_display = ["operator", "version", "status", "submitted_at", "is_demo"]
    list_filter = ["status", "version"]
    readonly_fields = ["status", "submitted_at", "decided_at", "decision_reasons", "chair"]
    inlines = [AuditInline]


@admin.register(Certificate)
class CertificateAdmin(admin.ModelAdmin):
    list_display = ["number", "operator", "status", "issued_on", "expires_on", "extended"]
    list_filter = ["status"]
    readonly_fields = ["number", "status", "status_reason", "issued_on", "expires_on", "extended"]
