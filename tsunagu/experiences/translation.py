from modeltranslation.translator import TranslationOptions, register

from tsunagu.experiences.models import Experience


@register(Experience)
class ExperienceTranslationOptions(TranslationOptions):
    fields = (
        "title",
        "description",
        "accessibility",
        "what_to_bring",
        "cancellation_policy",
    )
