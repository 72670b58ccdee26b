"""Admin for staff: experiences with their schedules, slots (generate, close), bookings,
waiting lists, workshop closures and the moderation of reviews."""

from datetime import timedelta

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from tsunagu.experiences import services
from tsunagu.experiences.models import (
    Booking,
    Experience,
    Review,
    ReviewStatus,
    Schedule,
    Slot,
    WaitlistEntry,
    WorkshopClosure,
)

GENERATE_DAYS = 60


class ScheduleInline(admin.TabularInline):
    model = Schedule
    extra = 0


@admin.register(Experience)
class ExperienceAdmin(TranslationAdmin):
    list_display = [
        "title",
        "workshop",
        "price_per_person",
        "duration_minutes",
        "is_published",
        "is_demo",
    ]
    list_filter = ["is_published", "is_demo", "workshop"]
    search_fields = ["slug", "title_ja", "title_en"]
    prepopulated_fields = {"slug": ["title_en"]}
    inlines = [ScheduleInline]
    actions = ["generate_slots"]

    @admin.action(description=_("Generate the sessions of the next 60 days"))
    def generate_slots(self, request, queryset):
        today = timezone.localdate()
        created = 0
        for schedule in Schedule.objects.filter(experience__in=queryset):
            created += services.slots_generate(
                schedule=schedule, date_from=today, date_to=today + timedelta(days=GENERATE_DAYS)
            )
        self.message_user(request, _("%(count)s sessions created.") % {"count": created})


@admin.register(Slot)
class SlotAdmin(admin.ModelAdmin):
    list_display = ["experience", "start", "capacity", "seats_taken", "status"]
    list_filter = ["status", "experience__workshop"]
    date_hierarchy = "start"
    readonly_fields = ["seats_taken"]
    actions = ["close_slots"]

    @admin.action(description=_("Close the sessions (their visitors are emailed)"))
    def close_slots(self, request, queryset):
        for slot in queryset:
            try:
                services.slot_close(slot=slot, reason=str(_("Closed by the workshop")))
            except ValidationError as error:
                self.message_user(request, f"{slot}: {' '.join(error.messages)}", messages.WARNING)


@admin.register(Booking)
class BookingAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "slot", "participants", "status", "checked_in_at", "no_show"]
    list_filter = ["status", "no_show", "is_demo"]
    search_fields = ["code", "name", "email"]
    raw_id_fields = ["slot", "user"]
    readonly_fields = [
        "code",
        "amount_due",
        "created_at",
        "cancelled_at",
        "cancelled_within_policy",
    ]


@admin.register(WaitlistEntry)
class WaitlistEntryAdmin(admin.ModelAdmin):
    list_display = ["name", "slot", "participants", "status", "created_at", "offer_expires_at"]
    list_filter = ["status"]
    search_fields = ["name", "email"]
    raw_id_fields = ["slot", "user", "booking"]
    readonly_fields = ["token", "offered_at", "offer_expires_at"]


@admin.register(WorkshopClosure)
class WorkshopClosureAdmin(admin.ModelAdmin):
    list_display = ["workshop", "date", "reason"]
    list_filter = ["workshop"]


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    list_display = ["booking", "rating", "status", "created_at"]
    list_filter = ["status", "rating"]
    readonly_fields = ["booking", "rating", "text", "created_at", "moderated_at"]
    actions = ["publish", "reject"]

    @admin.action(description=_("Publish the selected reviews"))
    def publish(self, request, queryset):
        for review in queryset.exclude(status=ReviewStatus.PUBLISHED):
            services.review_moderate(review=review, publish=True)

    @admin.action(description=_("Reject the selected reviews"))
    def reject(self, request, queryset):
        for review in queryset.exclude(status=ReviewStatus.REJECTED):
            services.review_moderate(review=review, publish=False)
