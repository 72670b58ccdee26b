"""Participants of a programme (awarded applicants, or added by staff — children reached by
a workshop are a count) and the reports they submit."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Participant(models.Model):
    programme = models.ForeignKey(
        "programmes.Programme", on_delete=models.CASCADE, related_name="participants"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    application = models.OneToOneField(
        "programmes.Application",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="participant",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="programme_participations",
    )
    name = models.CharField(
        _("name"), max_length=200, help_text=_("A person, or a group such as a school class.")
    )
    count = models.PositiveIntegerField(
        _("number of people"), default=1, help_text=_("e.g. the children reached by a workshop.")
    )
    destination_city = models.CharField(
        _("destination city"), max_length=120, blank=True, help_text=_("For dispatches.")
    )
    destination_country = models.CharField(
        _("destination country (ISO code)"), max_length=2, blank=True
    )
    note = models.TextField(_("note"), blank=True)
    is_demo = models.BooleanField(_("demo content"), default=False)

    class Meta:
        ordering = ["-year", "programme", "name"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self) -> str:
        return f"{self.name} ({self.year})"


class ReportKind(models.TextChoices):
    ANNUAL = "annual", _("Trainee's annual report")
    DISPATCH = "dispatch", _("Dispatch report")
    RESIDENCY = "residency", _("Residency report")
    OUTCOME = "outcome", _("Outcome report")


class Report(models.Model):
    participant = models.ForeignKey(Participant, on_delete=models.CASCADE, related_name="reports")
    kind = models.CharField(_("type"), max_length=12, choices=ReportKind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    title = models.CharField(_("title"), max_length=200)
    body = models.TextField(_("report"))
    destination_city = models.CharField(_("destination city"), max_length=120, blank=True)
    destination_country = models.CharField(
        _("destination country (ISO code)"), max_length=2, blank=True
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted at"), auto_now_add=True)
    is_published = models.BooleanField(_("published"), default=False)
    is_demo = models.BooleanField(_("demo content"), default=False)

    class Meta:
        ordering = ["-year", "-submitted_at"]
        verbose_name = _("report")
        verbose_name_plural = _("reports")

    def __str__(self) -> str:
        return self.title
