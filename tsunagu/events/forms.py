from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tsunagu.accounts.models import Organisation
from tsunagu.core.models import Goal, PublicationStatus
from tsunagu.events.models import EventKind, EventMode, Question, QuestionKind
from tsunagu.partners.models import Partner
from tsunagu.projects.models import Project


class EventFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("All types")), *EventKind.choices]
    )
    goal = forms.TypedChoiceField(label=_("SDG"), required=False, coerce=int, empty_value=None)
    month = forms.RegexField(
        label=_("Month"),
        required=False,
        regex=r"^\d{4}-(0[1-9]|1[0-2])$",
        widget=forms.DateInput(attrs={"type": "month"}),
        error_messages={"invalid": _("Enter a month as YYYY-MM.")},
    )
    mode = forms.ChoiceField(
        label=_("Format"),
        required=False,
        choices=[("", _("Online and in person")), *EventMode.choices],
    )
    when = forms.ChoiceField(
        required=False,
        choices=[("upcoming", _("Upcoming")), ("past", _("Past"))],
        widget=forms.HiddenInput,
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["goal"].choices = [
            ("", _("All goals")),
            *((goal.number, str(goal)) for goal in Goal.objects.order_by("number")),
        ]

    def year_month(self) -> tuple[int | None, int | None]:
        month = self.cleaned_data.get("month") if self.is_valid() else None
        if not month:
            return None, None
        year, number = month.split("-")
        return int(year), int(number)


def question_field_name(question: Question) -> str:
    return f"question_{question.pk}"


def _question_field(question: Question) -> forms.Field:
    common = {"label": question.text, "required": question.required}
    if question.kind == QuestionKind.LONG_TEXT:
        return forms.CharField(widget=forms.Textarea(attrs={"rows": 4}), max_length=4000, **common)
    if question.kind == QuestionKind.SINGLE_CHOICE:
        return forms.ChoiceField(choices=question.choice_list(), widget=forms.RadioSelect, **common)
    if question.kind == QuestionKind.CHECKBOX:
        return forms.MultipleChoiceField(
            choices=question.choice_list(), widget=forms.CheckboxSelectMultiple, **common
        )
    return forms.CharField(max_length=300, **common)


class RegistrationForm(forms.Form):
    """Name and email, then the event's own questions in the current language."""

    name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(label=_("Email address"))

    def __init__(self, *args, questions=(), invitation=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            self.fields[question_field_name(question)] = _question_field(question)
        if invitation is not None:
            # The invitation is personal: its email address cannot be changed.
            self.fields["email"].disabled = True
            self.fields["email"].initial = invitation.email
            if invitation.name:
                self.fields["name"].initial = invitation.name

    def answers(self) -> dict[int, str]:
        """Question pk -> answer; several choices are joined by newlines."""
        answers = {}
        for question in self.questions:
            value = self.cleaned_data.get(question_field_name(question))
            if isinstance(value, list):
                value = "\n".join(value)
            answers[question.pk] = value or ""
        return answers

    def person(self) -> dict[str, str]:
        return {"name": self.cleaned_data["name"], "email": self.cleaned_data["email"]}


class CheckInForm(forms.Form):
    code = forms.CharField(
        label=_("Confirmation code"),
        help_text=_("Type the code, or scan the QR code on the registrant's confirmation page."),
        max_length=300,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "off",
                "autocapitalize": "characters",
                "autocorrect": "off",
                "spellcheck": "false",
                "autofocus": True,
                "class": "check-in__code",
            }
        ),
    )


class InvitationForm(forms.Form):
    email = forms.EmailField(label=_("Email address"))
    name = forms.CharField(label=_("Name"), max_length=150, required=False)
    language = forms.ChoiceField(label=_("Language of the invitation"), choices=settings.LANGUAGES)


class MinutesForm(forms.Form):
    body_ja = forms.CharField(
        label=_("Minutes (Japanese)"), required=False, widget=forms.Textarea(attrs={"rows": 10})
    )
    body_en = forms.CharField(
        label=_("Minutes (English)"), required=False, widget=forms.Textarea(attrs={"rows": 10})
    )
    outcomes_ja = forms.CharField(
        label=_("Outcomes (Japanese)"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    outcomes_en = forms.CharField(
        label=_("Outcomes (English)"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    attendee_count = forms.IntegerField(
        label=_("Number of attendees"),
        required=False,
        min_value=0,
        help_text=_("Leave empty to use the number of people checked in."),
    )
    attending_organisations = forms.ModelMultipleChoiceField(
        label=_("Attending organisations"),
        required=False,
        queryset=Organisation.objects.filter(status=PublicationStatus.PUBLISHED),
        widget=forms.CheckboxSelectMultiple,
    )
    projects_created = forms.ModelMultipleChoiceField(
        label=_("Projects created"),
        required=False,
        queryset=Project.objects.order_by("slug"),
        widget=forms.CheckboxSelectMultiple,
    )
    partners_matched = forms.ModelMultipleChoiceField(
        label=_("Partners matched"),
        required=False,
        queryset=Partner.objects.select_related("organisation"),
        widget=forms.CheckboxSelectMultiple,
    )
    is_published = forms.BooleanField(
        label=_("Publish on the event page (shown once the event has started)"), required=False
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        if not (cleaned.get("body_ja") or cleaned.get("body_en")):
            raise forms.ValidationError(_("Write the minutes in Japanese, English or both."))
        return cleaned
