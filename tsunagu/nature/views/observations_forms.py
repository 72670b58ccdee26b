"""Forms of the observation pages: they collect input; the services check and write it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tsunagu.nature.models import (
    FlagReason,
    LifeStage,
    ObservationLicence,
    QualityGrade,
    Taxon,
)
from tsunagu.nature.services.photos import MAX_PHOTO_BYTES, MAX_PHOTOS


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files under one name; the photo service checks each one's content."""

    widget = MultipleFileInput

    def clean(self, data, initial=None):
        files = data if isinstance(data, (list, tuple)) else [data] if data else []
        return [super(MultipleFileField, self).clean(item, initial) for item in files]


class TaxonPickerInput(forms.HiddenInput):
    """The taxon's id; the autocomplete box next to it (observations.js) fills it in."""


class ObservationForm(forms.Form):
    photos = MultipleFileField(
        label=_("Photos"),
        help_text=_(
            "JPEG, PNG or WebP, up to %(size)d MB each, at most %(count)d. Location data in the "
            "files is read to fill in the form, then removed from the published copies."
        )
        % {"size": MAX_PHOTO_BYTES // (1024 * 1024), "count": MAX_PHOTOS},
        widget=MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
    )
    observed_at = forms.DateTimeField(
        label=_("Date and time observed"),
        required=False,
        help_text=_("Left empty, it is taken from the photo when the photo records it."),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%d"],
    )
    latitude = forms.FloatField(
        label=_("Latitude"),
        required=False,
        help_text=_("Click the map, or leave empty to use the photo's location."),
        widget=forms.NumberInput(attrs={"step": "any"}),
    )
    longitude = forms.FloatField(
        label=_("Longitude"), required=False, widget=forms.NumberInput(attrs={"step": "any"})
    )
    uncertainty_m = forms.IntegerField(
        label=_("Location uncertainty (m)"), required=False, min_value=0
    )
    taxon = forms.ModelChoiceField(
        label=_("What did you see? (optional)"),
        queryset=Taxon.objects.all(),
        required=False,
        widget=TaxonPickerInput,
    )
    count = forms.IntegerField(label=_("Count"), required=False, min_value=1)
    life_stage = forms.ChoiceField(label=_("Life stage"), choices=LifeStage.choices, required=False)
    is_cultivated = forms.TypedChoiceField(
        label=_("Wild or cultivated"),
        choices=[
            ("false", _("Wild")),
            ("true", _("Cultivated or captive (planted, kept or released by people)")),
        ],
        coerce=lambda value: value == "true",
        initial="false",
        widget=forms.RadioSelect,
    )
    locality = forms.CharField(label=_("Place name"), required=False, max_length=300)
    notes = forms.CharField(
        label=_("Notes"), required=False, max_length=5000, widget=forms.Textarea(attrs={"rows": 3})
    )
    licence = forms.ChoiceField(
        label=_("Licence"),
        choices=ObservationLicence.choices,
        initial=ObservationLicence.CC_BY,
        widget=forms.RadioSelect,
    )


class IdentificationForm(forms.Form):
    taxon = forms.ModelChoiceField(
        label=_("Taxon"), queryset=Taxon.objects.all(), widget=TaxonPickerInput
    )
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class FlagForm(forms.Form):
    reason = forms.ChoiceField(label=_("Reason"), choices=FlagReason.choices)
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    photo = forms.IntegerField(required=False, widget=forms.HiddenInput)
    identification = forms.IntegerField(required=False, widget=forms.HiddenInput)


class FlagResolveForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("uphold", _("Uphold (hide the content)")), ("dismiss", _("Dismiss"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(label=_("Moderator's note"), required=False, max_length=2000)


class ObservationFilterForm(forms.Form):
    taxon = forms.ModelChoiceField(
        label=_("Taxon"), queryset=Taxon.objects.all(), required=False, widget=TaxonPickerInput
    )
    grade = forms.ChoiceField(
        label=_("Quality grade"),
        required=False,
        choices=[("", _("All grades")), *QualityGrade.choices],
    )
    date_from = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
