"""A grant call: a programme with a budget in yen, a deadline and weighted scoring criteria.

`committed_yen` is the sum of the awards made; it only changes through one conditional
UPDATE (services.awards), and a check constraint keeps it within the budget.
"""

from datetime import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class GrantCall(models.Model):
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    opens_at = models.DateTimeField(_("opens at"))
    deadline = models.DateTimeField(_("deadline"))
    budget_yen = models.PositiveBigIntegerField(_("total budget (yen)"))
    max_award_yen = models.PositiveBigIntegerField(_("maximum per award (yen)"))
    committed_yen = models.PositiveBigIntegerField(_("committed (yen)"), default=0, editable=False)
    is_demo = models.BooleanField(_("demo content"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-deadline"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(committed_yen__lte=models.F("budget_yen")),
                name="grant_call_budget_never_over_committed",
            ),
        ]
        verbose_name = _("grant call")
        verbose_name_plural = _("grant calls")

    def __str__(self) -> str:
        return self.title

    @property
    def remaining_yen(self) -> int:
        return self.budget_yen - self.committed_yen

    def is_open(self, now: datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.opens_at <= now < self.deadline


class ScoringCriterion(models.Model):
    call = models.ForeignKey(GrantCall, on_delete=models.CASCADE, related_name="criteria")
    name = models.CharField(_("criterion"), max_length=200)
    weight = models.PositiveSmallIntegerField(_("weight"), default=1)
    max_score = models.PositiveSmallIntegerField(_("maximum score"), default=5)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["call", "order", "pk"]
        verbose_name = _("scoring criterion")
        verbose_name_plural = _("scoring criteria")

    def __str__(self) -> str:
        return f"{self.name} (×{self.weight})"
