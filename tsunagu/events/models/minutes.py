"""Minutes and closing report of an event, with every edit kept as a revision.

A revision holds the whole report as it was saved: the text in Japanese and English (either
may be empty; the page falls back to the other), the outcomes, the attendee count and the
names of the organisations, projects and partners linked at that moment. Both languages
live in one revision because they describe one state of the report: with one revision per
language, "the current minutes" would depend on which language was edited last, and the
history would interleave two documents.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .events import Event


class Minutes(models.Model):
    event = models.OneToOneField(
        Event, on_delete=models.CASCADE, related_name="minutes", verbose_name=_("event")
    )
    is_published = models.BooleanField(
        _("published"), default=False, help_text=_("Shown on the event page once it is over.")
    )
    attendee_count = models.PositiveIntegerField(
        _("number of attendees"),
        null=True,
        blank=True,
        help_text=_("Leave empty to use the number of people checked in."),
    )
    attending_organisations = models.ManyToManyField(
        "accounts.Organisation",
        blank=True,
        related_name="attended_event_minutes",
        verbose_name=_("attending organisations"),
    )
    projects_created = models.ManyToManyField(
        "projects.Project",
        blank=True,
        related_name="originating_event_minutes",
        verbose_name=_("projects created"),
    )
    partners_matched = models.ManyToManyField(
        "partners.Partner",
        blank=True,
        related_name="matched_at_event_minutes",
        verbose_name=_("partners matched"),
    )
    current = models.ForeignKey(
        "MinutesRevision",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("current revision"),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("minutes and closing report")
        verbose_name_plural = _("minutes and closing reports")

    def __str__(self) -> str:
        return str(self.event)


class MinutesRevision(models.Model):
    minutes = models.ForeignKey(
        Minutes, on_delete=models.CASCADE, related_name="revisions", verbose_name=_("minutes")
    )
    number = models.PositiveIntegerField(_("revision"))
    body_ja = models.TextField(_("minutes (Japanese)"), blank=True)
    body_en = models.TextField(_("minutes (English)"), blank=True)
    outcomes_ja = models.TextField(_("outcomes (Japanese)"), blank=True)
    outcomes_en = models.TextField(_("outcomes (English)"), blank=True)
    attendee_count = models.PositiveIntegerField(_("number of attendees"), null=True, blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    # Names as they were at this revision: {"organisations": [...], "projects": [...], ...}
    links = models.JSONField(_("linked organisations, projects and partners"), default=dict)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("author"),
    )
    created_at = models.DateTimeField(_("saved at"), auto_now_add=True)

    class Meta:
        ordering = ["minutes", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["minutes", "number"], name="minutes_revision_unique_number"
            )
        ]
        verbose_name = _("minutes revision")
        verbose_name_plural = _("minutes revisions")

    def __str__(self) -> str:
        return f"{self.minutes} r{self.number}"

    def _in_language(self, field: str) -> tuple[str, str]:
        """(text, language code) in the current language, else in the other one."""
        first = "en" if (get_language() or "").startswith("en") else "ja"
        second = "ja" if first == "en" else "en"
        for code in (first, second):
            text = getattr(self, f"{field}_{code}")
            if text:
                return text, code
        return "", first

    @property
    def body(self) -> tuple[str, str]:
        return self._in_language("body")

    @property
    def outcomes(self) -> tuple[str, str]:
        return self._in_language("outcomes")
