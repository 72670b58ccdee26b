"""Forms of the operators' self-service pages. They check the input; the services in
services/operators.py save it and check who may."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tsunagu.partners.models import Partner
from tsunagu.tourism.models import Operator, TourProduct
from tsunagu.tourism.selectors import (
    operator_area_choices,
    operator_partner_choices,
    tour_partner_choices,
)


def _partner_label(partner: Partner) -> str:
    return partner.organisation.name


def _require_one_language(form: forms.ModelForm, field: str, message: str) -> None:
    """The services check this too; checking here shows it with the other errors."""
    data = form.cleaned_data
    if not (data.get(f"{field}_ja") or data.get(f"{field}_en")):
        form.add_error(f"{field}_ja", message)


class OperatorForm(forms.ModelForm):
    class Meta:
        model = Operator
        fields = [
            "name_ja",
            "name_en",
            "type",
            "description_ja",
            "description_en",
            "area",
            "website",
            "partner",
        ]
        labels = {
            "name_ja": _("Name (Japanese)"),
            "name_en": _("Name (English)"),
            "description_ja": _("Description (Japanese)"),
            "description_en": _("Description (English)"),
            "partner": _("Programme partner"),
        }
        help_texts = {
            "name_en": _("Give the name in Japanese, in English or both."),
            "partner": _(
                "Optional: the programme partner this operator belongs to. You can choose "
                "an approved partner you are a member of."
            ),
        }

    def __init__(self, *args, user, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        partners = Q(pk__in=operator_partner_choices(user).values("pk"))
        if self.instance.partner_id:  # an existing link may stay
            partners |= Q(pk=self.instance.partner_id)
        self.fields["partner"].queryset = (
            Partner.objects.filter(partners)
            .select_related("organisation")
            .order_by("organisation__slug")
        )
        self.fields["partner"].label_from_instance = _partner_label
        self.fields["area"].queryset = operator_area_choices()
        for name in ("description_ja", "description_en"):
            self.fields[name].widget.attrs["rows"] = 4

    def clean(self):
        data = super().clean()
        _require_one_language(self, "name", _("Give the name in Japanese or in English."))
        return data


class TourProductForm(forms.ModelForm):
    class Meta:
        model = TourProduct
        fields = [
            "title_ja",
            "title_en",
            "itinerary_ja",
            "itinerary_en",
            "duration_minutes",
            "places",
            "partners",
            "price_yen",
            "languages",
        ]
        labels = {
            "title_ja": _("Title (Japanese)"),
            "title_en": _("Title (English)"),
            "itinerary_ja": _("Itinerary (Japanese)"),
            "itinerary_en": _("Itinerary (English)"),
        }
        help_texts = {
            "title_en": _("Give the title in Japanese, in English or both."),
            "places": _("The places the tour visits, separated by commas."),
            "languages": _("The languages the tour is guided in, e.g. ja, en."),
        }
        widgets = {
            "partners": forms.CheckboxSelectMultiple(attrs={"class": "columns"}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        partners = Q(pk__in=tour_partner_choices().values("pk"))
        if self.instance.pk:  # partners already named stay choosable
            partners |= Q(pk__in=self.instance.partners.values("pk"))
        self.fields["partners"].queryset = (
            Partner.objects.filter(partners)
            .select_related("organisation")
            .order_by("organisation__slug")
        )
        self.fields["partners"].label_from_instance = _partner_label
        for name in ("itinerary_ja", "itinerary_en", "places"):
            self.fields[name].widget.attrs["rows"] = 3

    def clean(self):
        data = super().clean()
        _require_one_language(self, "title", _("Give the title in Japanese or in English."))
        return data
