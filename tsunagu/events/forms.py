from django import forms
from django.utils.translation import gettext_lazy as _

from tsunagu.events.models import EventKind


class EventFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("All types")), *EventKind.choices]
    )
    month = forms.RegexField(
        label=_("Month"),
        required=False,
        regex=r"^\d{4}-(0[1-9]|1[0-2])$",
        widget=forms.DateInput(attrs={"type": "month"}),
        error_messages={"invalid": _("Enter a month as YYYY-MM.")},
    )

    def year_month(self) -> tuple[int | None, int | None]:
        month = self.cleaned_data.get("month") if self.is_valid() else None
        if not month:
            return None, None
        year, number = month.split("-")
        return int(year), int(number)


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(label=_("Email address"))


class CheckInForm(forms.Form):
    code = forms.CharField(
        label=_("Confirmation code"),
        max_length=32,
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
