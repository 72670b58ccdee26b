from modeltranslation.translator import TranslationOptions, register

from tsunagu.crafts.models import Artisan, Craft, CraftImage, CraftMaterial, Workshop


@register(Craft)
class CraftTranslationOptions(TranslationOptions):
    fields = ("name", "description", "techniques", "history")


@register(Workshop)
class WorkshopTranslationOptions(TranslationOptions):
    fields = ("name", "description", "address", "accessibility_notes", "opening_hours_notes")


@register(Artisan)
class ArtisanTranslationOptions(TranslationOptions):
    fields = ("name", "biography")


@register(CraftMaterial)
class CraftMaterialTranslationOptions(TranslationOptions):
    fields = ("name", "note")


@register(CraftImage)
class CraftImageTranslationOptions(TranslationOptions):
    fields = ("caption",)
