from modeltranslation.translator import TranslationOptions, register

from tsunagu.reports.models import Report, Section


@register(Report)
class ReportTranslationOptions(TranslationOptions):
    fields = ("title",)


@register(Section)
class SectionTranslationOptions(TranslationOptions):
    fields = ("heading", "body")
