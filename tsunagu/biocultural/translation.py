from modeltranslation.translator import TranslationOptions, register

from tsunagu.biocultural.models import CulturalElement, EcosystemService, Link, Material, Place


@register(EcosystemService)
class EcosystemServiceTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Place)
class PlaceTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(Material)
class MaterialTranslationOptions(TranslationOptions):
    fields = ("name", "description")


@register(CulturalElement)
class CulturalElementTranslationOptions(TranslationOptions):
    fields = ("name", "description", "place_name")


@register(Link)
class LinkTranslationOptions(TranslationOptions):
    fields = ("explanation",)
