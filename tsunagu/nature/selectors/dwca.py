from django.db.models import QuerySet

from tsunagu.nature.models import Campaign, DarwinCoreImport


def dwca_import_history(limit: int = 50) -> QuerySet[DarwinCoreImport]:
    return DarwinCoreImport.objects.select_related("imported_by").order_by("-created_at")[:limit]


def dwca_exportable_campaigns() -> QuerySet[Campaign]:
    return Campaign.objects.order_by("title")
