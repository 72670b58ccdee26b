"""Admin for observations and flags. Photos and identifications are read-only here: they are
written by the services (EXIF stripping, community taxon, quality grade), not by hand."""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tsunagu.nature.models import Flag, FlagStatus, Identification, Observation, ObservationPhoto
from tsunagu.nature.services.observations import flag_resolve, observation_refresh


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


class PhotoInline(ReadOnlyInline):
    model = ObservationPhoto
    fields = ("image", "width", "height", "position")
    readonly_fields = fields


class IdentificationInline(ReadOnlyInline):
    model = Identification
    fields = ("user", "taxon", "is_current", "by_expert", "comment", "created_at")
    readonly_fields = fields


class FlagInline(ReadOnlyInline):
    model = Flag
    fk_name = "observation"
    fields = ("reason", "status", "flagged_by", "comment", "resolved_by", "resolution_note")
    readonly_fields = fields


@admin.register(Observation)
class ObservationAdmin(admin.ModelAdmin):
    list_display = (
        "__str__",
        "observer",
        "observed_at",
        "quality_grade",
        "location_generalised",
        "is_hidden",
    )
    list_filter = ("quality_grade", "location_generalised", "is_hidden", "is_cultivated", "licence")
    search_fields = (
        "occurrence_id",
        "taxon__scientific_name",
        "community_taxon__scientific_name",
        "observer__email",
        "locality",
    )
    date_hierarchy = "observed_at"
    raw_id_fields = ("observer", "taxon", "campaign")
    readonly_fields = (
        "uuid",
        "occurrence_id",
        "community_taxon",
        "quality_grade",
        "public_latitude",
        "public_longitude",
        "location_generalised",
        "created_at",
        "updated_at",
    )
    inlines = (PhotoInline, IdentificationInline, FlagInline)
    actions = ("refresh",)

    def save_model(self, request, obj, form, change) -> None:
        super().save_model(request, obj, form, change)
        # Coordinates, taxon or cultivation may have changed: the public point and the grade
        # follow, never edited by hand.
        observation_refresh(obj)

    @admin.action(description=_("Recompute community taxon, public location and grade"))
    def refresh(self, request, queryset) -> None:
        for observation in queryset:
            observation_refresh(observation)
        self.message_user(request, _("Recomputed."), messages.SUCCESS)


@admin.register(Flag)
class FlagAdmin(admin.ModelAdmin):
    list_display = ("__str__", "reason", "status", "flagged_by", "created_at", "resolved_by")
    list_filter = ("status", "reason")
    raw_id_fields = ("observation", "photo", "identification", "flagged_by")
    readonly_fields = ("status", "resolved_by", "resolved_at", "resolution_note", "created_at")
    actions = ("uphold", "dismiss")

    def _resolve(self, request, queryset, *, uphold: bool) -> None:
        done = 0
        for flag in queryset.filter(status=FlagStatus.OPEN):
            try:
                flag_resolve(flag=flag, moderator=request.user, uphold=uphold)
            except ValidationError as error:
                self.message_user(request, " ".join(error.messages), messages.ERROR)
            else:
                done += 1
        self.message_user(request, _("%(count)d flags resolved.") % {"count": done})

    @admin.action(description=_("Uphold (hide the content)"))
    def uphold(self, request, queryset) -> None:
        self._resolve(request, queryset, uphold=True)

    @admin.action(description=_("Dismiss"))
    def dismiss(self, request, queryset) -> None:
        self._resolve(request, queryset, uphold=False)
