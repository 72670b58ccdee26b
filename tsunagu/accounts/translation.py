from modeltranslation.translator import TranslationOptions, register

from .models import Organisation


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "description")
