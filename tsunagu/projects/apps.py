from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProjectsConfig(AppConfig):
    name = "tsunagu.projects"
    label = "projects"
    verbose_name = _("Partner projects")

    def ready(self) -> None:
        from tsunagu.core.cache import cache_invalidate_on_change
        from tsunagu.partners.apps import CACHE_DOMAIN
        from tsunagu.projects import models

        cache_invalidate_on_change(
            CACHE_DOMAIN,
            models.Project,
            models.Project.co_partners.through,
            models.Project.indicators.through,
            models.Deliverable,
            models.Resource,
            models.ProgressReport,
            models.ProgressReport.deliverables_done.through,
        )
