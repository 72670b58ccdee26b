from modeltranslation.translator import TranslationOptions, register

from .models import Area, CityFact, CityProfile, Goal, LocalTarget, Target


@register(Goal)
class GoalTranslation(TranslationOptions):
    fields = ("short_title", "title")


@register(Target)
class TargetTranslation(TranslationOptions):
    fields = ("title",)


@register(LocalTarget)
class LocalTargetTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Area)
class AreaTranslation(TranslationOptions):
    fields = ("name",)


@register(CityProfile)
class CityProfileTranslation(TranslationOptions):
    fields = ("tagline", "summary")


@register(CityFact)
class CityFactTranslation(TranslationOptions):
    fields = ("label", "value", "source")
