from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from tsunagu.core.models import Goal


class EmailAuthenticationForm(AuthenticationForm):
    username = forms.EmailField(
        label=_("Email address"),
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )


class OrganisationProfileForm(forms.Form):
    description_ja = forms.CharField(
        label=_("Description (Japanese)"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    description_en = forms.CharField(
        label=_("Description (English)"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    goals = forms.ModelMultipleChoiceField(
        queryset=Goal.objects.all(),
        required=False,
        label=_("SDGs the organisation works on"),
        widget=forms.CheckboxSelectMultiple,
    )
