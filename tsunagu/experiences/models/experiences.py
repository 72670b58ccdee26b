"""A craft experience offered by a workshop, and the days its workshop is closed."""

from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tsunagu.crafts.models import Workshop

# Languages an experience can be guided in (ISO 639-1), whatever the site's own languages.
LANGUAGE_CHOICES = [
    ("ja", _("Japanese")),
    ("en", _("English")),
    ("zh", _("Chinese")),
    ("ko", _("Korean")),
    ("fr", _("French")),
]
LANGUAGE_LABELS = dict(LANGUAGE_CHOICES)


class Experience(models.Model):
    workshop = models.ForeignKey(
        Workshop, on_delete=models.CASCADE, related_name="experiences", verbose_name=_("workshop")
    )
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    title = models.CharField(_("title"), max_length=160)
    description = models.TextField(_("description"), blank=True)
    duration_minutes = models.PositiveSmallIntegerField(
        _("duration (minutes)"), validators=[MinValueValidator(1)]
    )
    price_per_person = models.PositiveIntegerField(_("price per participant (yen)"))
    # When set, a booking costs this whole-group price instead of participants × price.
    group_price = models.PositiveIntegerField(_("price per group (yen)"), null=True, blank=True)
    max_group_size = models.PositiveSmallIntegerField(
        _("maximum group size"), default=8, validators=[MinValueValidator(1)]
    )
    minimum_age = models.PositiveSmallIntegerField(_("minimum age"), default=0)
    adult_required_under = models.PositiveSmallIntegerField(
        _("must come with an adult under the age of"),
        null=True,
        blank=True,
        help_text=_("e.g. 12: participants under 12 must come with an adult."),
    )
    # Comma-separated codes from LANGUAGE_CHOICES, e.g. "ja,en".
    languages = models.CharField(_("languages offered"), max_length=40, default="ja")
    accessibility = models.TextField(_("accessibility"), blank=True)
    what_to_bring = models.TextField(_("what to bring"), blank=True)
    # Free cancellation up to this many hours before the start; blank: see the custom text.
    free_cancellation_hours = models.PositiveSmallIntegerField(
        _("free cancellation up to (hours before)"), null=True, blank=True
    )
    cancellation_policy = models.TextField(_("cancellation policy (custom text)"), blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    is_demo = models.BooleanField(_("demo content"), default=False)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["workshop", "title", "pk"]
        verbose_name = _("experience")
        verbose_name_plural = _("experiences")

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("experiences:experience_detail", args=[self.slug])

    @property
    def language_codes(self) -> list[str]:
        return [code for code in self.languages.split(",") if code]

    @property
    def language_labels(self) -> list[str]:
        return [str(LANGUAGE_LABELS.get(code, code)) for code in self.language_codes]

    def amount_due(self, participants: int) -> int:
        if self.group_price is not None:
            return self.group_price
        return self.price_per_person * participants


class WorkshopClosure(models.Model):
    """A day the workshop is closed (holidays, maintenance): no scheduled slots that day."""

    workshop = models.ForeignKey(
        Workshop, on_delete=models.CASCADE, related_name="closures", verbose_name=_("workshop")
    )
    date = models.DateField(_("date"))
    reason = models.CharField(_("reason"), max_length=160, blank=True)

    class Meta:
        ordering = ["workshop", "date"]
        constraints = [
            models.UniqueConstraint(fields=["workshop", "date"], name="closure_unique_day")
        ]
        verbose_name = _("workshop closure")
        verbose_name_plural = _("workshop closures")

    def __str__(self) -> str:
        return f"{self.workshop} {self.date}"
