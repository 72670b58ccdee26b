from modeltranslation.translator import TranslationOptions, register

from tsunagu.network.models import AnnualMeeting, CreativeCity, Exchange


@register(CreativeCity)
class CreativeCityTranslationOptions(TranslationOptions):
    fields = ("name",)


@register(Exchange)
class ExchangeTranslationOptions(TranslationOptions):
    fields = ("title", "people", "outcomes")


@register(AnnualMeeting)
class AnnualMeetingTranslationOptions(TranslationOptions):
    fields = ("attendance_note",)
