from django import forms
from django.utils.translation import gettext_lazy as _

from tsunagu.core.models import LocalTarget, Target


class LocalTargetForm(forms.ModelForm):
    target = forms.ModelChoiceField(
        queryset=Target.objects.all(),
        label=_("SDG target"),
        to_field_name="code",
    )

    class Meta:
        model = LocalTarget
        fields = [
            "target",
            "number",
            "title_ja",
            "title_en",
            "description_ja",
            "description_en",
            "status",
            "is_demo",
        ]
        labels = {
            "title_ja": _("Title (Japanese)"),
            "title_en": _("Title (English)"),
            "description_ja": _("Description (Japanese)"),
            "description_en": _("Description (English)"),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title_ja"].required = True
        self.fields["target"].label_from_instance = lambda t: f"{t.code} {t.title[:60]}"
