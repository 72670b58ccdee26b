from django import forms
from django.contrib.auth.forms import AuthenticationForm, BaseUserCreationForm, PasswordResetForm
from django.core.mail import EmailMultiAlternatives
from django.template import loader
from django.urls import reverse_lazy
from django.utils.functional import lazy
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from tsunagu.accounts.models import User
from tsunagu.core.emails import email_enqueue
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


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's form, with the email built here and sent by a worker (tsunagu.core.emails)."""

    def send_mail(
        self,
        subject_template_name,
        email_template_name,
        context,
        from_email,
        to_email,
        html_email_template_name=None,
    ) -> None:
        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        message = EmailMultiAlternatives(subject, body, from_email, [to_email])
        if html_email_template_name is not None:
            html = loader.render_to_string(html_email_template_name, context)
            message.attach_alternative(html, "text/html")
        email_enqueue(message, log_ref=f"password reset email (user {context['user'].pk})")
