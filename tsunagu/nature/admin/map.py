from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from tsunagu.accounts.policy import is_city_staff
from tsunagu.nature.models import MapCell
from tsunagu.nature.services.map_cells import map_cells_rebuild


@admin.register(MapCell)
class MapCellAdmin(admin.ModelAdmin):
    """Read-only: the cells are derived from observations; staff may only recount them."""

    list_display = ("level", "cell_x", "cell_y", "quality_grade", "year", "count")
    list_filter = ("level", "quality_grade", "year")
    actions = ["rebuild"]

    def has_module_permission(self, request) -> bool:
        return is_city_staff(request.user)

    def has_view_permission(self, request, obj=None) -> bool:
        return is_city_staff(request.user)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.action(description=_("Recount all map cells from the observations"))
    def rebuild(self, request, queryset) -> None:
        rows = map_cells_rebuild()
        self.message_user(request, _("%(rows)d map cells recounted.") % {"rows": rows})
