from modeltranslation.translator import TranslationOptions, register

from tsunagu.tourism.models import Indicator, Item, Operator, Scheme, TourProduct


@register(Scheme)
class SchemeTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(Indicator)
class IndicatorTranslationOptions(TranslationOptions):
    fields = ("title", "description")


@register(Item)
class ItemTranslationOptions(TranslationOptions):
    fields = ("title", "guidance", "evidence_expected")


@register(Operator)
class OperatorTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(TourProduct)
class TourProductTranslationOptions(TranslationOptions):
    fields = ("title", "itinerary")
