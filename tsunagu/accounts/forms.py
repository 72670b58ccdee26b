from django import forms
from django.contrib.auth.forms import AuthenticationForm, BaseUserCreationForm
from django.urls import reverse_lazy
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from tsunagu.accounts.models import User
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


def _consent_label() -> str:
    return format_html(
        _('I agree to the <a href="{}">terms of use</a> and the <a href="{}">privacy policy</a>.'),
        reverse_lazy("web:terms"),
        reverse_lazy("web:privacy"),
    )


class SignupForm(BaseUserCreationForm):
    """A citizen's own account: email, a name shown to others, a password (Django's validators)."""

    consent = forms.BooleanField(label=lazy(_consent_label, str)(), required=True)

    class Meta:
        model = User
        fields = ("email", "full_name")
        labels = {"full_name": _("Name shown to others")}
        help_texts = {
            "full_name": _("Shown with your observations and identifications; may be a nickname.")
        }

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError(_("An account with this email address already exists."))
        return email
