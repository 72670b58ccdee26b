from modeltranslation.translator import TranslationOptions, register

from .models import Event, EventSeries, Question


@register(EventSeries)
class EventSeriesTranslation(TranslationOptions):
    fields = ("name",)


@register(Event)
class EventTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Question)
class QuestionTranslation(TranslationOptions):
    fields = ("text", "options")
