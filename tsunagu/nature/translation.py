from modeltranslation.translator import TranslationOptions, register

from tsunagu.nature.models import Campaign, Site, Taxon


@register(Taxon)
class TaxonTranslationOptions(TranslationOptions):
    fields = ("common_name",)


@register(Campaign)
class CampaignTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "protocol")


@register(Site)
class SiteTranslationOptions(TranslationOptions):
    fields = ("name", "description")
