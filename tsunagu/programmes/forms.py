"""Forms of the programme pages; they only parse input, the services decide."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tsunagu.accounts.roles import Role
from tsunagu.programmes.models import Call, Criterion, ReportKind
from tsunagu.programmes.models.applications import DECISIONS


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if not data:
            return []
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(file, initial) for file in files]


class ApplicationForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=150)
    date_of_birth = forms.DateField(
        label=_("Date of birth"), widget=forms.DateInput(attrs={"type": "date"})
    )
    statement = forms.CharField(label=_("Statement"), widget=forms.Textarea(attrs={"rows": 6}))
    documents = MultipleFileField(
        label=_("Documents (PDF, JPEG or PNG, at most 5 MB each)"), required=False
    )
    guardian_name = forms.CharField(
        label=_("Guardian's name (applicants under 18)"), max_length=150, required=False
    )
    guardian_consent = forms.BooleanField(
        label=_("My guardian consents to this application (applicants under 18)"),
        required=False,
    )

    def __init__(self, *args, call: Call, **kwargs):
        super().__init__(*args, **kwargs)
        self.call = call
        for question in call.questions.all():
            self.fields[f"q_{question.pk}"] = forms.CharField(
                label=question.label,
                required=question.required,
                widget=forms.Textarea(attrs={"rows": 3}),
            )

    def answers(self) -> dict:
        return {
            name[2:]: value for name, value in self.cleaned_data.items() if name.startswith("q_")
        }


class ScoreForm(forms.Form):
    def __init__(self, *args, initial_scores: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        initial_scores = initial_scores or {}
        for criterion in Criterion:
            score = initial_scores.get(criterion.value)
            self.fields[f"score_{criterion.value}"] = forms.IntegerField(
                label=criterion.label,
                min_value=0,
                max_value=5,
                initial=score.value if score else None,
            )
            self.fields[f"comment_{criterion.value}"] = forms.CharField(
                label=_("Comment"),
                required=False,
                initial=score.comment if score else "",
                widget=forms.Textarea(attrs={"rows": 2}),
            )

    def scores(self) -> dict:
        return {c.value: self.cleaned_data[f"score_{c.value}"] for c in Criterion}

    def comments(self) -> dict:
        return {c.value: self.cleaned_data[f"comment_{c.value}"] for c in Criterion}


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"), choices=[(d.value, d.label) for d in DECISIONS]
    )
    reason = forms.CharField(
        label=_("Reason (shown to the applicant)"), widget=forms.Textarea(attrs={"rows": 3})
    )


class AssignForm(forms.Form):
    reviewer = forms.ModelChoiceField(label=_("Assessor"), queryset=None)

    def __init__(self, *args, **kwargs):
        from django.contrib.auth import get_user_model

        super().__init__(*args, **kwargs)
        self.fields["reviewer"].queryset = get_user_model().objects.filter(
            groups__name=Role.ASSESSOR.value, is_active=True
        )


class ReportForm(forms.Form):
    kind = forms.ChoiceField(label=_("Type"), choices=ReportKind.choices)
    year = forms.IntegerField(label=_("Year"), min_value=1900, max_value=2100)
    title = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(label=_("Report"), widget=forms.Textarea(attrs={"rows": 8}))
    destination_city = forms.CharField(label=_("Destination city"), max_length=120, required=False)
    destination_country = forms.CharField(
        label=_("Destination country (two-letter ISO code)"), max_length=2, required=False
    )


class ParticipantForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=1900, max_value=2100)
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        help_text=_("A person, or a group such as a school class."),
    )
    count = forms.IntegerField(label=_("Number of people"), min_value=1, initial=1)
    destination_city = forms.CharField(label=_("Destination city"), max_length=120, required=False)
    destination_country = forms.CharField(
        label=_("Destination country (two-letter ISO code)"), max_length=2, required=False
    )
