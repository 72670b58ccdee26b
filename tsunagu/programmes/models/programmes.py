"""Programmes (scholarships, children's workshops, dispatches, residencies, ...) and their
calls for applications. Titles and texts are bilingual (modeltranslation adds _ja/_en)."""

from datetime import datetime

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ProgrammeKind(models.TextChoices):
    SCHOLARSHIP = "scholarship", _("Scholarship for traditional-industry trainees")
    CHILDREN_WORKSHOP = "children_workshop", _("Children's workshop")
    DISPATCH = "dispatch", _("Dispatch to a Creative City")
    RESIDENCY = "residency", _("Residency")
    SEMINAR_SERIES = "seminar_series", _("Seminar series")
    SHOWCASE = "showcase", _("Showcase")


class Programme(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    kind = models.CharField(_("type"), max_length=20, choices=ProgrammeKind.choices)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    organiser = models.ForeignKey(
        "accounts.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="programmes",
        verbose_name=_("partner organisation"),
        help_text=_("Leave empty when the city runs the programme itself."),
    )
    crafts = models.ManyToManyField(
        "crafts.Craft", blank=True, related_name="programmes", verbose_name=_("crafts")
    )
    event_series = models.ForeignKey(
        "events.EventSeries",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="programmes",
        verbose_name=_("event series"),
        help_text=_("The sessions of the programme are the events of this series."),
    )
    is_published = models.BooleanField(_("published"), default=False)
    is_demo = models.BooleanField(_("demo content"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "slug"]
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("programmes:programme_detail", args=[self.slug])


class Call(models.Model):
    """A call for applications, open from `opens_at` until `deadline` (Asia/Tokyo)."""

    programme = models.ForeignKey(
        Programme, on_delete=models.CASCADE, related_name="calls", verbose_name=_("programme")
    )
    title = models.CharField(_("title"), max_length=200)
    eligibility = models.TextField(_("eligibility"), blank=True)
    required_documents = models.TextField(
        _("required documents"), blank=True, help_text=_("What the applicant must upload.")
    )
    min_documents = models.PositiveSmallIntegerField(_("minimum number of documents"), default=0)
    opens_at = models.DateTimeField(_("opens at"))
    deadline = models.DateTimeField(_("deadline"))
    is_published = models.BooleanField(_("published"), default=False)
    is_demo = models.BooleanField(_("demo content"), default=False)

    class Meta:
        ordering = ["-deadline", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__gt=F("opens_at")),
                name="programme_call_deadline_after_opening",
            ),
        ]
        verbose_name = _("call")
        verbose_name_plural = _("calls")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("programmes:call_detail", args=[self.pk])

    def is_open(self, now: datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now <= self.deadline


class CallQuestion(models.Model):
    """One extra field of the application form of a call."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="questions")
    label = models.CharField(_("question"), max_length=300)
    required = models.BooleanField(_("required"), default=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return self.label
