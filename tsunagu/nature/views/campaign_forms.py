"""Forms of the campaign pages: joining, registering a child, and the visit with one count box
per target taxon (the service does the cross-field checks, keyed by these field names)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from tsunagu.nature.models import ArtificialLight, Campaign, MoonPhase, Taxon, Visit, Weather
from tsunagu.nature.services.campaigns import (
    CountInput,
    count_key,
    sub_counts_key,
    sub_counts_parse,
)

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
TIME = forms.TimeInput(attrs={"type": "time"}, format="%H:%M")


def _blank(choices) -> list:
    return [("", "—"), *choices]


class ChildParticipantForm(forms.Form):
    name = forms.CharField(label=_("Child's name"), max_length=200, required=False)
    guardian_name = forms.CharField(label=_("Guardian's name"), max_length=200, required=False)
    guardian_consent = forms.BooleanField(
        label=_(
            "I am this child's parent or guardian and I consent to their taking part in this "
            "survey. Their name is never shown publicly."
        ),
        required=False,
    )


class VisitForm(forms.Form):
    site = forms.ModelChoiceField(label=_("Site"), queryset=None)
    date = forms.DateField(label=_("Date"), widget=DATE)
    start_time = forms.TimeField(label=_("Start"), required=False, widget=TIME)
    end_time = forms.TimeField(label=_("End"), required=False, widget=TIME)
    observers_count = forms.IntegerField(label=_("Observers"), min_value=1, initial=1)
    weather = forms.ChoiceField(label=_("Weather"), choices=_blank(Weather.choices), required=False)
    temperature_c = forms.DecimalField(
        label=_("Temperature (°C)"), max_digits=4, decimal_places=1, required=False
    )
    moon = forms.ChoiceField(label=_("Moon"), choices=_blank(MoonPhase.choices), required=False)
    artificial_light = forms.ChoiceField(
        label=_("Artificial light"), choices=_blank(ArtificialLight.choices), required=False
    )
    protocol_variant = forms.CharField(
        label=_("Protocol variant"),
        max_length=200,
        required=False,
        help_text=_("e.g. three 10-second counts, the highest kept."),
    )
    is_complete_checklist = forms.BooleanField(
        label=_("Complete checklist: every target taxon was looked for"),
        required=False,
        initial=True,
    )
    notes = forms.CharField(
        label=_("Notes (public)"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    def __init__(self, *args, campaign: Campaign, taxa: list[Taxon], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.campaign = campaign
        self.taxa = taxa
        self.fields["site"].queryset = campaign.sites.all()
        for taxon in taxa:
            self.fields[count_key(taxon.pk)] = forms.IntegerField(
                label=_("Count: %(taxon)s") % {"taxon": taxon},
                min_value=0,
                required=False,
                widget=forms.NumberInput(attrs={"min": 0, "inputmode": "numeric"}),
            )
            self.fields[sub_counts_key(taxon.pk)] = forms.CharField(
                label=_("Sub-counts: %(taxon)s") % {"taxon": taxon},
                required=False,
                max_length=200,
                widget=forms.TextInput(attrs={"placeholder": "12, 15, 10"}),
            )

    def taxon_rows(self) -> list[tuple[Taxon, forms.BoundField, forms.BoundField]]:
        return [(t, self[count_key(t.pk)], self[sub_counts_key(t.pk)]) for t in self.taxa]

    def clean(self):
        data = super().clean()
        for taxon in self.taxa:
            key = sub_counts_key(taxon.pk)
            text = (data.get(key) or "").strip()
            try:
                data[key] = sub_counts_parse(text)
            except ValueError:
                self.add_error(key, _("Whole numbers separated by commas, e.g. 12, 15, 10."))
        return data

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        counts = {}
        for taxon in self.taxa:
            count, subs = data.get(count_key(taxon.pk)), data.get(sub_counts_key(taxon.pk)) or []
            if count is not None or subs:
                counts[taxon] = CountInput(count=count, sub_counts=tuple(subs))
        return {"counts": counts, **{name: data[name] for name in self.base_fields}}

    @staticmethod
    def initial_of(visit: Visit) -> dict:
        initial = {name: getattr(visit, name) for name in VisitForm.base_fields}
        for count in visit.counts.all():
            initial[count_key(count.taxon_id)] = count.count
            initial[sub_counts_key(count.taxon_id)] = ", ".join(map(str, count.sub_counts))
        return initial
