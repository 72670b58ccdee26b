"""Event series (partners meetings, SDGs Café, ...) and their events."""

from datetime import datetime

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from tsunagu.core.models import SdgRelatedModel


class EventKind(models.TextChoices):
    COUNCIL_MEETING = "council_meeting", _("Council meeting")
    PARTNERS_MEETING = "partners_meeting", _("Partners meeting")
    SDGS_CAFE = "sdgs_cafe", _("SDGs Café")
    IDEATHON = "ideathon", _("Idea-thon")
    WORKSHOP = "workshop", _("Workshop")
    SEMINAR = "seminar", _("Seminar")
    SYMPOSIUM = "symposium", _("Symposium")
    OBSERVATION_TOUR = "observation_tour", _("Observation tour")


class EventMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("Hybrid (in person and online)")


class Audience(models.TextChoices):
    PUBLIC = "public", _("Open to everyone")
    PARTNERS_ONLY = "partners_only", _("Partners only")
    INVITED = "invited", _("By invitation")
    STUDENTS = "students", _("Students")


class SchoolLevel(models.TextChoices):
    ELEMENTARY = "elementary", _("Elementary school")
    JUNIOR_HIGH = "junior_high", _("Junior high school")
    HIGH_SCHOOL = "high_school", _("High school")
    UNIVERSITY = "university", _("University")
    ALL = "all", _("All school levels")


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published")
    CANCELLED = "cancelled", _("Cancelled")


class EventSeries(models.Model):
    """A recurring programme whose events are numbered: SDGs Café #1, #2, ..."""

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("type"), max_length=20, choices=EventKind.choices)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("event series")
        verbose_name_plural = _("event series")

    def __str__(self) -> str:
        return self.name


class Event(SdgRelatedModel):
    series = models.ForeignKey(
        EventSeries,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="events",
        verbose_name=_("series"),
    )
    number = models.PositiveSmallIntegerField(
        _("number in series"), null=True, blank=True, help_text=_("7 for Partners meeting #7.")
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    kind = models.CharField(_("type"), max_length=20, choices=EventKind.choices)
    starts_at = models.DateTimeField(_("starts at"))
    ends_at = models.DateTimeField(_("ends at"))
    mode = models.CharField(
        _("mode"), max_length=12, choices=EventMode.choices, default=EventMode.IN_PERSON
    )
    place = models.CharField(_("place"), max_length=300, blank=True)
    online_url = models.URLField(
        _("online meeting URL"),
        blank=True,
        help_text=_("Shown only to confirmed registrants, on their confirmation page."),
    )
    audience = models.CharField(
        _("audience"), max_length=16, choices=Audience.choices, default=Audience.PUBLIC
    )
    school_level = models.CharField(
        _("school level"),
        max_length=12,
        choices=SchoolLevel.choices,
        blank=True,
        help_text=_("Only for events whose audience is students."),
    )
    organisers = models.ManyToManyField(
        "partners.Partner",
        blank=True,
        related_name="organised_events",
        verbose_name=_("organisers"),
    )
    is_demo = models.BooleanField(
        _("demo content"),
        default=False,
        help_text=_("Shown with a 'demo content' label: not a real event."),
    )
    capacity = models.PositiveIntegerField(
        _("capacity"), null=True, blank=True, help_text=_("Leave empty for no limit.")
    )
    registration_deadline = models.DateTimeField(
        _("registration deadline"),
        null=True,
        blank=True,
        help_text=_("Leave empty to accept registrations until the event starts."),
    )
    cancellation_deadline = models.DateTimeField(
        _("cancellation deadline"),
        null=True,
        blank=True,
        help_text=_("Leave empty to accept cancellations until the event starts."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=EventStatus.choices, default=EventStatus.DRAFT
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["series", "number"],
                condition=Q(series__isnull=False, number__isnull=False),
                name="event_unique_number_in_series",
            ),
            models.CheckConstraint(
                condition=Q(ends_at__gte=F("starts_at")), name="event_ends_after_start"
            ),
            models.CheckConstraint(
                condition=Q(audience="students") | Q(school_level=""),
                name="event_school_level_only_for_students",
            ),
        ]
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def __str__(self) -> str:
        return self.title

    @property
    def is_published(self) -> bool:
        return self.status != EventStatus.DRAFT

    @property
    def is_past(self) -> bool:
        return self.ends_at <= timezone.now()

    @property
    def has_started(self) -> bool:
        return self.starts_at <= timezone.now()

    @property
    def audience_label(self) -> str:
        """ "Students (high school)" rather than just "Students"."""
        label = str(self.get_audience_display())
        if self.audience == Audience.STUDENTS and self.school_level:
            return gettext("%(audience)s (%(school_level)s)") % {
                "audience": label,
                "school_level": self.get_school_level_display(),
            }
        return label

    @property
    def registration_closes_at(self) -> datetime:
        return self.registration_deadline or self.starts_at

    @property
    def cancellation_closes_at(self) -> datetime:
        return self.cancellation_deadline or self.starts_at
