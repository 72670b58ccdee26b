from django import forms
from django.utils.translation import gettext_lazy as _

from tsunagu.core.models import Area, AreaKind
from tsunagu.reports.blocks import block_choices
from tsunagu.reports.models import ReportLanguages, ReportType, SectionKind

DATE = forms.DateInput({"type": "date"})


class ReportCreateForm(forms.Form):
    type = forms.ChoiceField(label=_("Type"), choices=ReportType.choices)
    area = forms.ModelChoiceField(
        label=_("Area"),
        queryset=Area.objects.filter(kind=AreaKind.MUNICIPALITY, city_profile__isnull=False),
    )
    period_start = forms.DateField(
        label=_("Period start"), widget=forms.DateInput({"type": "date"})
    )
    period_end = forms.DateField(label=_("Period end"), widget=forms.DateInput({"type": "date"}))
    languages = forms.ChoiceField(label=_("Languages"), choices=ReportLanguages.choices)
    title_ja = forms.CharField(label=_("Title (Japanese)"), required=False, max_length=200)
    title_en = forms.CharField(label=_("Title (English)"), required=False, max_length=200)


class SectionForm(forms.Form):
    heading_ja = forms.CharField(label=_("Heading (Japanese)"), max_length=200, required=False)
    heading_en = forms.CharField(label=_("Heading (English)"), max_length=200, required=False)
    body_ja = forms.CharField(
        label=_("Text (Japanese)"), required=False, widget=forms.Textarea({"rows": 12})
    )
    body_en = forms.CharField(
        label=_("Text (English)"), required=False, widget=forms.Textarea({"rows": 12})
    )


class SectionAddForm(SectionForm):
    kind = forms.ChoiceField(label=_("Kind"), choices=SectionKind.choices)
    block = forms.ChoiceField(label=_("Data block"), required=False)
    goal = forms.IntegerField(
        label=_("Goal (for one goal in depth)"), required=False, min_value=1, max_value=17
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["block"].choices = [("", "—"), *block_choices()]
