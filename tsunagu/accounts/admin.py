from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from tsunagu.accounts.models import ApiToken, Membership, Organisation, ReviewAssignment, User
from tsunagu.core.admin_helpers import SdgTagsAdminMixin, side_by_side


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user", "organisation"]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "is_staff", "is_superuser", "is_active"]
    search_fields = ["email", "full_name"]
    inlines = [MembershipInline]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Profile"), {"fields": ["full_name", "language"]}),
        (
            _("Roles and permissions"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups", "user_permissions"]},
        ),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "full_name", "password1", "password2"]})
    ]


@admin.register(Organisation)
class OrganisationAdmin(SdgTagsAdminMixin, TranslationAdmin):
    list_display = ["name", "kind", "status"]
    list_filter = ["kind", "status"]
    search_fields = ["slug", "name_ja", "name_en"]
    prepopulated_fields = {"slug": ["name_en"]}
    inlines = [MembershipInline]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    side_by_side("name"),
                    "slug",
                    "kind",
                    side_by_side("description"),
                    "website",
                    "status",
                ]
            },
        )
    ]


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ["name", "user", "prefix", "created_at", "last_used_at", "revoked_at"]
    readonly_fields = ["prefix", "created_at", "last_used_at"]
    fields = ["user", "name", "prefix", "created_at", "last_used_at", "revoked_at"]

    def has_add_permission(self, request) -> bool:
        return False  # the secret is shown once, by `tsunagu api_token_create`


@admin.register(ReviewAssignment)
class ReviewAssignmentAdmin(admin.ModelAdmin):
    list_display = ["reviewer", "content_type", "object_id", "assigned_at"]
    autocomplete_fields = ["reviewer"]
