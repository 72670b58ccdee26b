from django import forms
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from tsunagu.crafts.models import Craft
from tsunagu.experiences.models import LANGUAGE_CHOICES, Experience, Slot


class ExperienceFilterForm(forms.Form):
    craft = forms.ChoiceField(label=_("Craft"), required=False)
    language = forms.ChoiceField(
        label=_("Language"), required=False, choices=[("", _("Any")), *LANGUAGE_CHOICES]
    )
    date = forms.DateField(
        label=_("Date"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    max_price = forms.IntegerField(label=_("Price up to (yen)"), required=False, min_value=0)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["craft"].choices = [("", _("Any"))] + [
            (craft.slug, craft.name) for craft in Craft.objects.all()
        ]


def slot_label(slot: Slot) -> str:
    start = timezone.localtime(slot.start)
    when = formats.date_format(start, "DATETIME_FORMAT")
    if slot.seats_free:
        return _("%(when)s — %(free)s seats free") % {"when": when, "free": slot.seats_free}
    return _("%(when)s — full (waiting list)") % {"when": when}


class BookingForm(forms.Form):
    slot = forms.TypedChoiceField(label=_("Session"), coerce=int)
    participants = forms.IntegerField(label=_("Participants"), min_value=1, initial=1)
    language = forms.ChoiceField(label=_("Language of the session"))
    name = forms.CharField(label=_("Name"), max_length=150)
    email = forms.EmailField(label=_("Email address"))
    needs = forms.CharField(
        label=_("Needs (access, allergies, anything the workshop should know)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    waitlist = forms.BooleanField(
        label=_("If the session is full, put me on its waiting list"), required=False
    )

    def __init__(self, *args, experience: Experience, slots: list[Slot], **kwargs):
        super().__init__(*args, **kwargs)
        self.slots = {slot.pk: slot for slot in slots}
        self.fields["slot"].choices = [(slot.pk, slot_label(slot)) for slot in slots]
        self.fields["participants"].max_value = experience.max_group_size
        self.fields["participants"].widget.attrs["max"] = experience.max_group_size
        self.fields["language"].choices = list(
            zip(experience.language_codes, experience.language_labels, strict=True)
        )
        if experience.minimum_age or experience.adult_required_under:
            self.fields["age_rules"] = forms.BooleanField(
                label=_(
                    "Every participant meets the minimum age, and children who must come "
                    "with an adult do."
                ),
                required=True,
            )


class CancelForm(forms.Form):
    email = forms.EmailField(label=_("Email address used for the booking"))


class CheckInForm(forms.Form):
    code = forms.CharField(label=_("Confirmation code"), max_length=16)


class ReviewForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Rating"), coerce=int, choices=[(n, "★" * n) for n in range(5, 0, -1)]
    )
    text = forms.CharField(
        label=_("Your review"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
