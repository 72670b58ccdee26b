from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    token = forms.CharField(
        label=_("Code"),
        max_length=32,
        help_text=_("The 6-digit code from your authenticator app, or one of your backup codes."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )
