from django import forms
from django.utils.translation import gettext_lazy as _

MAX_UPLOAD_BYTES = 10 * 1024 * 1024


class VisitorStatisticsUploadForm(forms.Form):
    file = forms.FileField(
        label=_("Statistics file (.csv or .xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(_("The file is larger than 10 MB."))
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Only .csv and .xlsx files can be imported."))
        return upload


class CrowdingThresholdForm(forms.Form):
    warning = forms.FloatField(
        label=_("Warning level (visitors per resident per month)"), min_value=0.001
    )
    critical = forms.FloatField(
        label=_("Critical level (visitors per resident per month)"), min_value=0.001
    )

    def clean(self):
        cleaned = super().clean()
        warning, critical = cleaned.get("warning"), cleaned.get("critical")
        if warning is not None and critical is not None and critical <= warning:
            raise forms.ValidationError(_("The critical level must be above the warning level."))
        return cleaned
