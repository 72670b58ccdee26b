"""Custom registration questions and the registrants' answers.

Answers are rows (one `Answer` per registration and question) rather than JSON on the
registration: the CSV export and any count of answers are plain joins, an answer stays
attached to its question when the question's wording is edited or translated, and the
database guarantees one answer per question per registration.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .events import Event
from .registrations import Registration


class QuestionKind(models.TextChoices):
    SHORT_TEXT = "short_text", _("Short text")
    LONG_TEXT = "long_text", _("Long text")
    SINGLE_CHOICE = "single_choice", _("Single choice")
    CHECKBOX = "checkbox", _("Checkboxes (any number of choices)")


CHOICE_KINDS = (QuestionKind.SINGLE_CHOICE, QuestionKind.CHECKBOX)


def _lines(text: str | None) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class Question(models.Model):
    event = models.ForeignKey(
        Event, on_delete=models.CASCADE, related_name="questions", verbose_name=_("event")
    )
    text = models.CharField(_("question"), max_length=300)
    kind = models.CharField(
        _("type"), max_length=16, choices=QuestionKind.choices, default=QuestionKind.SHORT_TEXT
    )
    options = models.TextField(
        _("choices"),
        blank=True,
        help_text=_(
            "One choice a line, for single choice and checkboxes; the Japanese and English "
            "lists must have the same choices in the same order."
        ),
    )
    required = models.BooleanField(_("required"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["event", "order", "pk"]
        verbose_name = _("registration question")
        verbose_name_plural = _("registration questions")

    def __str__(self) -> str:
        return self.text

    @property
    def has_choices(self) -> bool:
        return self.kind in CHOICE_KINDS

    def choice_list(self) -> list[tuple[str, str]]:
        """(stored value, label in the current language). The stored value is the choice in
        the default language (Japanese), so that answers read the same whoever gave them."""
        stored = _lines(self.options_ja) or _lines(self.options_en)
        shown = _lines(self.options) or stored
        if len(shown) != len(stored):
            shown = stored
        return list(zip(stored, shown, strict=True))

    def label_for(self, stored: str) -> str:
        """A stored answer in the current language (unknown values are shown as stored)."""
        labels = dict(self.choice_list())
        return "; ".join(labels.get(value, value) for value in stored.split("\n") if value)

    def clean(self) -> None:
        if not self.has_choices:
            return
        japanese, english = _lines(self.options_ja), _lines(self.options_en)
        if not (japanese or english):
            raise ValidationError({"options_ja": _("List the choices, one a line.")})
        if japanese and english and len(japanese) != len(english):
            raise ValidationError(
                {"options_en": _("The English list must have as many choices as the Japanese.")}
            )


class Answer(models.Model):
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    # Text as typed; for choices the stored value(s) of Question.choice_list, one a line.
    value = models.TextField(_("answer"), blank=True)

    class Meta:
        ordering = ["question__order", "question__pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "question"], name="answer_unique_per_question"
            )
        ]
        verbose_name = _("answer")
        verbose_name_plural = _("answers")

    def __str__(self) -> str:
        return self.value
