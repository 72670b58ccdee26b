"""Sessions of an experience: recurring schedules and the slots (one session each) they make."""

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from .experiences import Experience

WEEKDAYS = [
    (0, _("Monday")),
    (1, _("Tuesday")),
    (2, _("Wednesday")),
    (3, _("Thursday")),
    (4, _("Friday")),
    (5, _("Saturday")),
    (6, _("Sunday")),
]


class Schedule(models.Model):
    """Sessions at the same times every open day, e.g. "10:00,11:30,13:30,15:00", closed on
    the listed weekdays (0 Monday … 6 Sunday), on the workshop's closures and, if chosen,
    on Japanese public holidays."""

    experience = models.ForeignKey(
        Experience, on_delete=models.CASCADE, related_name="schedules", verbose_name=_("experience")
    )
    start_times = models.CharField(
        _("start times"), max_length=200, help_text=_("Comma-separated, e.g. 10:00,13:30")
    )
    closed_weekdays = models.CharField(
        _("closed weekdays"),
        max_length=20,
        blank=True,
        help_text=_("Comma-separated numbers, 0 Monday … 6 Sunday; e.g. 2 for Wednesday."),
    )
    closed_on_public_holidays = models.BooleanField(
        _("closed on Japanese public holidays"), default=True
    )
    capacity = models.PositiveSmallIntegerField(
        _("seats per session"), validators=[MinValueValidator(1)]
    )
    valid_from = models.DateField(_("from"))
    valid_until = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        ordering = ["experience", "valid_from", "pk"]
        verbose_name = _("schedule")
        verbose_name_plural = _("schedules")

    def __str__(self) -> str:
        return f"{self.experience}: {self.start_times}"


class SlotStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Slot(models.Model):
    """One session. `seats_taken` counts the participants of confirmed bookings and of
    waiting-list offers still held; it only ever changes by conditional UPDATE
    (services/seats.py), which is what keeps it at or under `capacity`."""

    experience = models.ForeignKey(
        Experience, on_delete=models.CASCADE, related_name="slots", verbose_name=_("experience")
    )
    schedule = models.ForeignKey(
        Schedule,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="slots",
        verbose_name=_("schedule"),
    )
    start = models.DateTimeField(_("start"))
    end = models.DateTimeField(_("end"))
    capacity = models.PositiveSmallIntegerField(_("seats"), validators=[MinValueValidator(1)])
    seats_taken = models.PositiveSmallIntegerField(_("seats taken"), default=0)
    status = models.CharField(
        _("status"), max_length=8, choices=SlotStatus.choices, default=SlotStatus.OPEN
    )
    closed_reason = models.CharField(_("reason for closing"), max_length=200, blank=True)

    class Meta:
        ordering = ["start", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["experience", "start"], name="slot_unique_start"),
            models.CheckConstraint(
                condition=Q(seats_taken__lte=F("capacity")), name="slot_not_oversold"
            ),
        ]
        indexes = [models.Index(fields=["experience", "status", "start"])]
        verbose_name = _("slot")
        verbose_name_plural = _("slots")

    def __str__(self) -> str:
        return f"{self.experience} {self.start:%Y-%m-%d %H:%M}"

    @property
    def seats_free(self) -> int:
        return max(self.capacity - self.seats_taken, 0)

    @property
    def is_open(self) -> bool:
        return self.status == SlotStatus.OPEN
