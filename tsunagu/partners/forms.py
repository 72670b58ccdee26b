from django import forms
from django.urls import reverse_lazy
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from tsunagu.accounts.models import OrganisationKind
from tsunagu.core.models import Goal
from tsunagu.partners.models import Partner, PartnerSector, PartnerSize


class PartnerDescriptionFields(forms.Form):
    """The public description a partner gives when applying and edits afterwards."""

    description_ja = forms.CharField(
        label=_("About you (Japanese)"), widget=forms.Textarea, required=False
    )
    description_en = forms.CharField(
        label=_("About you (English)"), widget=forms.Textarea, required=False
    )
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")
    goals = forms.ModelMultipleChoiceField(
        queryset=Goal.objects.all(),
        label=_("SDGs you work on"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sector = forms.ChoiceField(
        label=_("Sector"), choices=[("", "—"), *PartnerSector.choices], required=False
    )
    offers = forms.CharField(label=_("What you can offer"), widget=forms.Textarea, required=False)
    offer_tags = forms.CharField(
        label=_("What you can offer, as tags (comma-separated)"),
        max_length=300,
        required=False,
        help_text=_("For example: venue, design, volunteers, funding, expertise"),
    )
    needs = forms.CharField(
        label=_("What you are looking for"), widget=forms.Textarea, required=False
    )
    need_tags = forms.CharField(
        label=_("What you are looking for, as tags (comma-separated)"),
        max_length=300,
        required=False,
        help_text=_("For example: venue, design, volunteers, funding, expertise"),
    )
    # The model's validators (raster formats, 2 MB); ImageField checks the content with Pillow.
    logo = forms.ImageField(
        label=_("Logo"),
        required=False,
        validators=Partner._meta.get_field("logo").validators,
        help_text=_("PNG, JPEG or WebP, up to 2 MB."),
    )


class PartnerApplicationForm(PartnerDescriptionFields):
    field_order = [
        "name_ja",
        "name_en",
        "kind",
        "is_individual",
        "size",
        *PartnerDescriptionFields.base_fields,
    ]

    name_ja = forms.CharField(label=_("Name (Japanese)"), max_length=200)
    name_en = forms.CharField(label=_("Name (English)"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("Type"), choices=OrganisationKind.choices)
    is_individual = forms.BooleanField(label=_("I apply as an individual"), required=False)
    size = forms.ChoiceField(
        label=_("Size"), choices=[("", "—"), *PartnerSize.choices], required=False
    )
    contact_name = forms.CharField(label=_("Contact person"), max_length=120)
    contact_email = forms.EmailField(label=_("Contact email"))
    contact_phone = forms.CharField(label=_("Contact phone"), max_length=40, required=False)
    accept_terms = forms.BooleanField(
        label=_("I accept the partner terms"),
        help_text=format_lazy(
            '<a href="{}" target="_blank">{}</a>',
            reverse_lazy("web:terms"),
            _("Read the partner terms"),
        ),
    )
    accept_privacy = forms.BooleanField(
        label=_("I agree that my contact details are used as the privacy policy describes"),
        help_text=format_lazy(
            '<a href="{}" target="_blank">{}</a>',
            reverse_lazy("web:privacy"),
            _("Read the privacy policy"),
        ),
    )


class PartnerReviewForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", _("Approve")), ("reject", _("Reject"))])
    reason = forms.CharField(
        label=_("Reason (sent to the applicant when rejecting)"),
        widget=forms.Textarea,
        required=False,
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == "reject" and not (data.get("reason") or "").strip():
            self.add_error("reason", _("Give the applicant a reason."))
        return data


class PartnerProfileForm(PartnerDescriptionFields):
    logo_clear = forms.BooleanField(label=_("Remove the current logo"), required=False)
    tags = forms.CharField(label=_("Tags (comma-separated)"), max_length=300, required=False)
    matchmaking_opt_in = forms.BooleanField(label=_("Suggest us to other partners"), required=False)


class IntroductionRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Message to the secretariat (optional)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )
