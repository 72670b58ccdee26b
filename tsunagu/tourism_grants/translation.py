from modeltranslation.translator import TranslationOptions, register

from tsunagu.tourism_grants.models import GrantCall, ScoringCriterion


@register(GrantCall)
class GrantCallTranslation(TranslationOptions):
    fields = ("title", "description")


@register(ScoringCriterion)
class ScoringCriterionTranslation(TranslationOptions):
    fields = ("name",)
