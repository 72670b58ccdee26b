from modeltranslation.translator import TranslationOptions, register

from .models import CompositeIndicator, Indicator, Statistic


@register(Statistic)
class StatisticTranslation(TranslationOptions):
    fields = ("name", "unit", "credit")


@register(Indicator)
class IndicatorTranslation(TranslationOptions):
    fields = ("name", "description", "rationale", "unit", "source")


@register(CompositeIndicator)
class CompositeIndicatorTranslation(TranslationOptions):
    fields = ("name", "rationale")
