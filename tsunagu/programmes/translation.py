from modeltranslation.translator import TranslationOptions, register

from tsunagu.programmes.models import Call, CallQuestion, Programme


@register(Programme)
class ProgrammeTranslationOptions(TranslationOptions):
    fields = ("title", "description")


@register(Call)
class CallTranslationOptions(TranslationOptions):
    fields = ("title", "eligibility", "required_documents")


@register(CallQuestion)
class CallQuestionTranslationOptions(TranslationOptions):
    fields = ("label",)
