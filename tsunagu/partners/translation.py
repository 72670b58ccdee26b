from modeltranslation.translator import TranslationOptions, register

from tsunagu.partners.models import CouncilMember


@register(CouncilMember)
class CouncilMemberTranslationOptions(TranslationOptions):
    fields = ("person_name", "title")
