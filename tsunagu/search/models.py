"""One searchable document per public partner, project and event.

The text is kept NFKC-normalised and case-folded, so that 'ＳＤＧｓ', 'sdgs' and 'SDGs' meet.
SQLite indexes it with an FTS5 trigram table, PostgreSQL with a pg_trgm GIN index (both in
migration 0002); queries of one or two characters (工芸, 金沢) fall back to a substring scan,
because trigram indexes cannot answer them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    PARTNER = "partner", _("Partner")
    PROJECT = "project", _("Project")
    EVENT = "event", _("Event")


class SearchDocument(models.Model):
    kind = models.CharField(max_length=12, choices=DocumentKind.choices)
    object_id = models.PositiveBigIntegerField()
    title_ja = models.CharField(max_length=300)
    title_en = models.CharField(max_length=300, blank=True)
    url_name = models.CharField(max_length=80)
    url_arg = models.CharField(max_length=120)
    summary_ja = models.CharField(max_length=200, blank=True)
    summary_en = models.CharField(max_length=200, blank=True)
    body = models.TextField()
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="one_document_per_object")
        ]

    def __str__(self) -> str:
        return f"{self.kind}:{self.title_ja}"
