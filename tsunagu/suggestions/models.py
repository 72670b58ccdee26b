"""Suggested SDGs for any object (partner profile, project, event), awaiting a human decision."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from tsunagu.core.models import Goal


class SuggestionStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", pgettext_lazy("SDG suggestion", "Accepted")
    REJECTED = "rejected", pgettext_lazy("SDG suggestion", "Rejected")


class SdgSuggestion(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    goal = models.ForeignKey(Goal, on_delete=models.CASCADE, verbose_name=_("goal"))
    confidence = models.FloatField(_("confidence"))
    # The words of the text that led to the suggestion, strongest first (the "why").
    triggers = models.JSONField(_("trigger words"), default=list, blank=True)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=SuggestionStatus.choices,
        default=SuggestionStatus.PENDING,
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("decided by"),
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-confidence", "goal"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "goal"], name="sdg_suggestion_unique_goal"
            ),
        ]
        verbose_name = _("SDG suggestion")
        verbose_name_plural = _("SDG suggestions")

    def __str__(self) -> str:
        return f"{self.content_type.model} #{self.object_id} → {self.goal_id} ({self.status})"

    @property
    def is_pending(self) -> bool:
        return self.status == SuggestionStatus.PENDING
