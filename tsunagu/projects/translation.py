from modeltranslation.translator import TranslationOptions, register

from tsunagu.projects.models import Project


@register(Project)
class ProjectTranslationOptions(TranslationOptions):
    fields = ("title", "description")
