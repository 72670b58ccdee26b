from django import forms
from django.utils.translation import gettext_lazy as _

from tsunagu.crafts.services import MAX_MESSAGE_LENGTH, MAX_NAME_LENGTH


class ContactForm(forms.Form):
    """Name and email only for visitors without an account; the service checks again."""

    name = forms.CharField(label=_("Your name"), max_length=MAX_NAME_LENGTH)
    email = forms.EmailField(label=_("Your email address"))
    message = forms.CharField(
        label=_("Message"), max_length=MAX_MESSAGE_LENGTH, widget=forms.Textarea(attrs={"rows": 6})
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        if user is not None and user.is_authenticated:
            del self.fields["name"]
            del self.fields["email"]
