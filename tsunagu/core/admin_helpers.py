"""Admin layout helpers shared by the apps."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from tsunagu.core.models import Goal, Target
from tsunagu.core.services import sdg_relations_set


def side_by_side(field: str) -> tuple[str, ...]:
    """One admin row holding a translated field in every language: ('title_ja', 'title_en')."""
    return tuple(f"{field}_{code}" for code, _ in settings.LANGUAGES)


class SdgTagsAdminForm(forms.ModelForm):
    """An admin form with the object's goals and targets as two extra fields."""

    sdg_goals = forms.ModelMultipleChoiceField(
        Goal.objects.all(),
        required=False,
        label=_("SDGs"),
        widget=forms.CheckboxSelectMultiple,
    )
    sdg_targets = forms.ModelMultipleChoiceField(
        Target.objects.select_related("goal"),
        required=False,
        label=_("SDG targets"),
        help_text=_("A target also tags its goal."),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["sdg_goals"].initial = list(self.instance.sdg_goals)
            self.fields["sdg_targets"].initial = list(self.instance.sdg_targets)


class SdgTagsAdminMixin:
    """Adds 'SDGs' and 'targets' fields to the admin form of an SdgRelatedModel and saves them
    with sdg_relations_set (a target implies its goal), after the object and its inlines."""

    form = SdgTagsAdminForm
    sdg_fieldset = (
        _("SDGs"),
        {"fields": ["sdg_goals", "sdg_targets"], "classes": ["collapse"]},
    )

    def get_fieldsets(self, request, obj=None):
        return [*super().get_fieldsets(request, obj), self.sdg_fieldset]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        sdg_relations_set(
            form.instance,
            goals=form.cleaned_data.get("sdg_goals") or (),
            targets=form.cleaned_data.get("sdg_targets") or (),
            local_targets=list(form.instance.sdg_local_targets),
        )
        self.sdg_tags_saved(request, form.instance)

    def sdg_tags_saved(self, request, obj) -> None:
        """Hook for what follows a save (the suggestions app re-reads the text)."""
