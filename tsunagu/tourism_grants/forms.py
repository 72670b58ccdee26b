"""Forms only parse input; the services decide what is allowed."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from tsunagu.core.models import Goal
from tsunagu.tourism_grants.services import figures_parse


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        if not data:
            return []
        files = data if isinstance(data, list | tuple) else [data]
        return [super(MultipleFileField, self).clean(file, initial) for file in files]


def budget_lines_parse(text: str) -> list[tuple[str, int]]:
    lines = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        item, _sep, amount = line.rpartition(",")
        try:
            value = int(amount.strip().replace("¥", "").replace(" ", ""))
        except ValueError:
            value = None
        if not item.strip() or value is None:
            raise ValidationError(
                _('Line %(line)d: write "item, amount in yen".') % {"line": number}
            )
        lines.append((item.strip(), value))
    return lines


class ApplicationForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Applying for"),
        queryset=None,
        required=False,
        empty_label=_("myself (no organisation)"),
    )
    project_title = forms.CharField(label=_("Project title"), max_length=200)
    description = forms.CharField(
        label=_("Project description"), widget=forms.Textarea(attrs={"rows": 6}), required=False
    )
    requested_yen = forms.IntegerField(label=_("Requested amount (yen)"), min_value=1)
    goals = forms.ModelMultipleChoiceField(
        label=_("SDGs"),
        queryset=Goal.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    budget_lines = forms.CharField(
        label=_("Budget breakdown"),
        help_text=_('One line per item: "item, amount in yen".'),
        widget=forms.Textarea(attrs={"rows": 5}),
        required=False,
    )
    documents = MultipleFileField(
        label=_("Documents (PDF, JPEG or PNG)"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = user.organisations.all()

    def clean_budget_lines(self):
        return budget_lines_parse(self.cleaned_data["budget_lines"])


class AwardForm(forms.Form):
    amount_yen = forms.IntegerField(label=_("Award amount (yen)"), min_value=1)


class PaymentForm(forms.Form):
    amount_yen = forms.IntegerField(label=_("Amount paid (yen)"), min_value=1)
    paid_on = forms.DateField(label=_("Paid on"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(label=_("Note"), max_length=200, required=False)


class ReportForm(forms.Form):
    text = forms.CharField(label=_("Report"), widget=forms.Textarea(attrs={"rows": 8}))
    figures = forms.CharField(
        label=_("Figures"),
        help_text=_('One per line: "label, number, unit" (e.g. "participants, 120, people").'),
        widget=forms.Textarea(attrs={"rows": 4}),
        required=False,
    )
    attachments = MultipleFileField(
        label=_("Attachments (PDF, JPEG or PNG)"),
        required=False,
        widget=MultipleFileInput(attrs={"accept": ".pdf,.jpg,.jpeg,.png"}),
    )

    def clean_figures(self):
        return figures_parse(self.cleaned_data["figures"])


class ReportReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("accept", _("Accept the report")), ("return", _("Return for changes"))],
    )
    comment = forms.CharField(
        label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
