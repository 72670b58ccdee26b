from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from tsunagu.accounts.policy import can_publish
from tsunagu.core.models import (
    Area,
    AreaKind,
    Goal,
    LocalTarget,
    PublicationStatus,
    Target,
)
from tsunagu.indicators.models import Indicator
from tsunagu.partners.models import PUBLIC_STATUSES, Partner
from tsunagu.projects import light
from tsunagu.projects.models import ProjectStatus, ResourceKind
from tsunagu.projects.selectors import lead_partner_choices
from tsunagu.projects.services import resource_check

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
EDITABLE_STATUSES = [c for c in ProjectStatus.choices if c[0] != ProjectStatus.INACTIVE]


class ProjectFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    goal = forms.ModelChoiceField(
        label=_("SDG"), queryset=Goal.objects.all(), required=False, empty_label=_("All")
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All")), *ProjectStatus.choices], required=False
    )
    light = forms.ChoiceField(
        label=_("Reporting"), choices=[("", _("All")), *light.CHOICES], required=False
    )
    year = forms.IntegerField(label=_("Active in year"), required=False, min_value=2000)
    partner = forms.SlugField(required=False, widget=forms.HiddenInput)

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "q": data["q"] or None,
            "goal": data["goal"].number if data["goal"] else None,
            "status": data["status"] or None,
            "colour": data["light"] or None,
            "year": data["year"],
            "partner": data["partner"] or None,
        }


def _area_choices():
    prefecture = settings.TSUNAGU_CITY_CODE[:2]
    return Area.objects.filter(
        Q(code__startswith=prefecture, kind__in=[AreaKind.PREFECTURE, AreaKind.MUNICIPALITY])
        | Q(kind__in=[AreaKind.DISTRICT, AreaKind.REGION])
    ).order_by("kind", "code")


class ProjectForm(forms.Form):
    title_ja = forms.CharField(label=_("Title (Japanese)"), max_length=200)
    title_en = forms.CharField(label=_("Title (English)"), max_length=200, required=False)
    description_ja = forms.CharField(
        label=_("Description (Japanese)"), widget=forms.Textarea, required=False
    )
    description_en = forms.CharField(
        label=_("Description (English)"), widget=forms.Textarea, required=False
    )
    lead_partner = forms.ModelChoiceField(label=_("Lead partner"), queryset=Partner.objects.none())
    co_partners = forms.ModelMultipleChoiceField(
        label=_("Co-partners"),
        queryset=Partner.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "columns"}),
    )
    goals = forms.ModelMultipleChoiceField(
        label=_("SDGs"),
        queryset=Goal.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "columns"}),
    )
    targets = forms.ModelMultipleChoiceField(
        label=_("SDG targets"),
        queryset=Target.objects.all(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
        help_text=_("Optional; a target also tags its goal."),
    )
    local_targets = forms.ModelMultipleChoiceField(
        label=_("Kanazawa local targets"),
        queryset=LocalTarget.objects.filter(status=PublicationStatus.PUBLISHED),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    area = forms.ModelChoiceField(label=_("Area"), queryset=Area.objects.none(), required=False)
    place = forms.CharField(label=_("Place (details)"), max_length=300, required=False)
    starts_on = forms.DateField(label=_("Start"), required=False, widget=DATE)
    ends_on = forms.DateField(label=_("End"), required=False, widget=DATE)
    status = forms.ChoiceField(label=_("Status"), choices=EDITABLE_STATUSES)
    indicators = forms.ModelMultipleChoiceField(
        label=_("Linked indicators"),
        queryset=Indicator.objects.all(),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 6}),
        help_text=_("Optional: indicators this project contributes to."),
    )
    publication = forms.ChoiceField(label=_("Publication"), choices=PublicationStatus.choices)

    def __init__(
        self,
        *args,
        user,
        current_status: str | None = None,
        current_lead: Partner | None = None,
        **kwargs,
    ) -> None:
        super().__init__(*args, **kwargs)
        # Members choose among their own partners; an existing project keeps its lead.
        leads = Q(pk__in=lead_partner_choices(user).values("pk"))
        if current_lead is not None:
            leads |= Q(pk=current_lead.pk)
        self.fields["lead_partner"].queryset = (
            Partner.objects.filter(leads)
            .select_related("organisation")
            .order_by("organisation__name_ja")
        )
        self.fields["co_partners"].queryset = Partner.objects.filter(
            status__in=PUBLIC_STATUSES
        ).select_related("organisation")
        self.fields["area"].queryset = _area_choices()
        if current_status == ProjectStatus.INACTIVE:
            self.fields["status"].choices = ProjectStatus.choices
        if not can_publish(user, None):
            del self.fields["publication"]

    def clean(self):
        data = super().clean()
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("The end cannot be before the start."))
        lead = data.get("lead_partner")
        if lead and lead in (data.get("co_partners") or []):
            self.add_error("co_partners", _("The lead partner cannot also be a co-partner."))
        return data


class DeliverableForm(forms.Form):
    pk = forms.IntegerField(required=False, widget=forms.HiddenInput)
    title = forms.CharField(label=_("Deliverable"), max_length=300)
    due_on = forms.DateField(label=_("Due date"), required=False, widget=DATE)
    is_done = forms.BooleanField(label=_("Done"), required=False)


class ResourceForm(forms.Form):
    pk = forms.IntegerField(required=False, widget=forms.HiddenInput)
    kind = forms.ChoiceField(label=_("Type"), choices=ResourceKind.choices)
    description = forms.CharField(label=_("Description"), max_length=300)
    amount_jpy = forms.IntegerField(label=_("Amount (yen)"), required=False, min_value=0)
    person_days = forms.IntegerField(label=_("Person-days"), required=False, min_value=0)
    provided_by = forms.ModelChoiceField(
        label=_("Provided by"), queryset=Partner.objects.none(), required=False
    )

    def __init__(self, *args, partners=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if partners is not None:
            self.fields["provided_by"].queryset = partners

    def clean(self):
        data = super().clean()
        if "kind" in data and not data.get("DELETE"):
            try:
                resource_check(
                    kind=data["kind"],
                    amount_jpy=data.get("amount_jpy"),
                    person_days=data.get("person_days"),
                )
            except ValidationError as error:
                self.add_error(None, error)
        return data


DeliverableFormSet = forms.formset_factory(
    DeliverableForm, extra=3, can_delete=True, max_num=50, validate_max=True
)
ResourceFormSet = forms.formset_factory(
    ResourceForm, extra=2, can_delete=True, max_num=30, validate_max=True
)


class ProgressReportForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Reporting year"), coerce=int)
    summary = forms.CharField(
        label=_("Progress"),
        widget=forms.Textarea,
        help_text=_("What happened this year, what changed, what is next."),
    )
    deliverables_done = forms.ModelMultipleChoiceField(
        label=_("Deliverables completed"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, project, reported_years: set[int], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        this_year = timezone.localdate().year
        years = [y for y in range(this_year, this_year - 5, -1) if y not in reported_years]
        self.fields["year"].choices = [(y, str(y)) for y in years]
        self.fields["deliverables_done"].queryset = project.deliverables.filter(is_done=False)


class FigureForm(forms.Form):
    label = forms.CharField(label=_("Figure"), max_length=100)
    value = forms.FloatField(label=_("Number"))


class BaseFigureFormSet(forms.BaseFormSet):
    def clean(self) -> None:
        seen: set[str] = set()
        for form in self.forms:
            label = (getattr(form, "cleaned_data", None) or {}).get("label", "").strip()
            if label and label in seen:
                form.add_error("label", _("This label is used twice."))
            seen.add(label)


FigureFormSet = forms.formset_factory(
    FigureForm, formset=BaseFigureFormSet, extra=3, max_num=30, validate_max=True
)


def figures_from(formset) -> dict[str, int | float]:
    figures: dict[str, int | float] = {}
    for form in formset.forms:
        data = getattr(form, "cleaned_data", None)
        if data and data.get("label"):
            value = data["value"]
            figures[data["label"].strip()] = int(value) if value.is_integer() else value
    return figures
