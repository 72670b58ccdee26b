"""Admin for statistics, imports and indicators; city staff upload tidy statistics files here.

Imported figures are read-only: they change only through imports, which keep the audit trail.
"""

import hashlib
import time
from dataclasses import asdict

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from tsunagu.accounts.policy import is_city_staff
from tsunagu.core.admin_helpers import side_by_side
from tsunagu.core.area_codes import AreaCodeError, normalize_area_code
from tsunagu.core.tasks import QueueUnavailableError, enqueue
from tsunagu.indicators.forms import (
    IndicatorAdminForm,
    StagedUpload,
    StatisticsConfirmForm,
    StatisticsUploadForm,
    upload_stage,
)
from tsunagu.indicators.importers.base import ImportFileError, TidyImport
from tsunagu.indicators.models import (
    CompositeIndicator,
    ImportRun,
    Indicator,
    Observation,
    ObservationChange,
    Statistic,
)
from tsunagu.indicators.services.observations import ImportSummary, observations_import
from tsunagu.indicators.services.scoring import scores_refresh_later
from tsunagu.indicators.services.uploads import tidy_read
from tsunagu.indicators.tasks import statistics_upload_import

PREVIEW_ROWS = 20
ERRORS_SHOWN = 200


def can_upload_statistics(user) -> bool:
    return is_city_staff(user) or user.is_superuser


class CityStaffReadOnlyAdmin(admin.ModelAdmin):
    """Records that only imports write; city staff may read them without model permissions."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return can_upload_statistics(request.user) or super().has_module_permission(request)

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return can_upload_statistics(request.user) or super().has_view_permission(request, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False


@admin.register(Statistic)
class StatisticAdmin(TranslationAdmin):
    list_display = ["code", "name", "unit", "source_dataset"]
    list_filter = ["source_dataset"]
    search_fields = ["code", "name_ja", "name_en"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "code",
                    side_by_side("name"),
                    side_by_side("unit"),
                    "source_dataset",
                    side_by_side("credit"),
                ]
            },
        )
    ]


@admin.register(Observation)
class ObservationAdmin(CityStaffReadOnlyAdmin):
    list_display = [
        "statistic",
        "area",
        "year",
        "disaggregation",
        "value",
        "status",
        "edition",
        "import_run",
    ]
    list_filter = [("statistic", admin.RelatedOnlyFieldListFilter), "year", "edition", "status"]
    list_select_related = ["statistic", "area", "import_run"]
    search_fields = ["=area__code", "=statistic__code"]
    search_help_text = _("An area code (17201, 172014 or R17201) or a statistic code.")
    show_full_result_count = False

    def get_search_results(self, request: HttpRequest, queryset, search_term: str):
        try:
            code = normalize_area_code(search_term)
        except AreaCodeError:
            return super().get_search_results(request, queryset, search_term)
        return queryset.filter(area__code=code), False


@admin.register(ImportRun)
class ImportRunAdmin(CityStaffReadOnlyAdmin):
    """The list of imports, and the statistics upload (dry run, preview, confirm)."""

    change_list_template = "admin/indicators/importrun/change_list.html"
    list_display = [
        "started_at",
        "file_name",
        "importer",
        "edition",
        "imported_by",
        "rows",
        "created",
        "changed",
        "unchanged",
        "conflicts",
    ]
    list_filter = ["importer"]
    list_select_related = ["imported_by"]
    search_fields = ["file_name", "edition"]
    date_hierarchy = "started_at"

    def get_urls(self):
        return [
            path(
                "upload/",
                self.admin_site.admin_view(self.upload_view),
                name="indicators_importrun_upload",
            ),
            path(
                "upload/confirm/",
                self.admin_site.admin_view(self.upload_confirm_view),
                name="indicators_importrun_upload_confirm",
            ),
            *super().get_urls(),
        ]

    def changelist_view(self, request: HttpRequest, extra_context=None):
        extra_context = {**(extra_context or {}), "can_upload": can_upload_statistics(request.user)}
        return super().changelist_view(request, extra_context)

    def upload_view(self, request: HttpRequest) -> HttpResponse:
        self._check_upload_permission(request)
        if request.method != "POST":
            return self._upload_page(request, StatisticsUploadForm())
        form = StatisticsUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self._upload_page(request, form)
        data = form.cleaned_data
        content, file_name = data["file"].read(), data["file"].name
        options = {
            "edition": data["edition"],
            "edition_rank": int(time.time()),
            "credit_ja": data["credit_ja"],
            "credit_en": data["credit_en"],
        }
        try:
            tidy_import = tidy_read(content, file_name, options)
            summary = observations_import(
                tidy_import,
                sha256=hashlib.sha256(content).hexdigest(),
                user=request.user,
                dry_run=data["dry_run"],
            )
        except ImportFileError as error:
            return self._upload_page(request, form, error)
        if not data["dry_run"]:
            transaction.on_commit(scores_refresh_later)
            return self._imported(request, summary)
        staged = upload_stage(
            content=content, file_name=file_name, user_id=request.user.pk, **options
        )
        return self._preview_page(request, staged, tidy_import, summary)

    def upload_confirm_view(self, request: HttpRequest) -> HttpResponse:
        self._check_upload_permission(request)
        if request.method != "POST":
            return HttpResponseRedirect(reverse("admin:indicators_importrun_upload"))
        form = StatisticsConfirmForm(request.POST, user=request.user)
        if not form.is_valid():
            for error in form.errors.get("token", []):
                messages.error(request, error)
            return HttpResponseRedirect(reverse("admin:indicators_importrun_upload"))
        staged: StagedUpload = form.cleaned_data["token"]
        try:
            result = enqueue(statistics_upload_import, asdict(staged), request.user.pk)
        except ImportFileError as error:  # imported inline (no broker) and refused
            return self._upload_page(request, StatisticsUploadForm(), error)
        except QueueUnavailableError as error:
            messages.error(request, str(error))
            return HttpResponseRedirect(reverse("admin:indicators_importrun_upload"))
        if result.ready():  # no broker: imported in this request
            return self._imported(request, ImportSummary(**result.get()))
        messages.success(
            request,
            gettext(
                "A background worker is importing %(file)s; it appears in this list when it "
                "is done."
            )
            % {"file": staged.file_name},
        )
        return HttpResponseRedirect(reverse("admin:indicators_importrun_changelist"))

    def _check_upload_permission(self, request: HttpRequest) -> None:
        if not can_upload_statistics(request.user):
            raise PermissionDenied

    def _imported(self, request: HttpRequest, summary: ImportSummary) -> HttpResponse:
        messages.success(
            request,
            gettext(
                "Imported %(file)s: %(created)s new, %(changed)s changed, %(unchanged)s "
                "unchanged, %(conflicts)s conflicts. Indicator values and scores are being "
                "recomputed."
            )
            % {
                "file": summary.file_name,
                "created": summary.created,
                "changed": summary.changed,
                "unchanged": summary.unchanged,
                "conflicts": summary.conflicts,
            },
        )
        return HttpResponseRedirect(reverse("admin:indicators_importrun_changelist"))

    def _context(self, request: HttpRequest, title: str) -> dict:
        return {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": title,
        }

    def _upload_page(
        self, request: HttpRequest, form: StatisticsUploadForm, error: ImportFileError | None = None
    ) -> HttpResponse:
        errors = error.errors if error else []
        context = {
            **self._context(request, gettext("Upload statistics")),
            "form": form,
            "file_name": error.file_name if error else "",
            "row_errors": errors[:ERRORS_SHOWN],
            "more_errors": max(len(errors) - ERRORS_SHOWN, 0),
        }
        return TemplateResponse(request, "admin/indicators/importrun/upload.html", context)

    def _preview_page(
        self,
        request: HttpRequest,
        staged: StagedUpload,
        tidy_import: TidyImport,
        summary: ImportSummary,
    ) -> HttpResponse:
        context = {
            **self._context(request, gettext("Preview of the import")),
            "summary": summary,
            "statistics": tidy_import.statistics,
            "rows": list(tidy_import.frame.head(PREVIEW_ROWS).iter_rows(named=True)),
            "more_rows": max(tidy_import.frame.height - PREVIEW_ROWS, 0),
            "confirm_form": StatisticsConfirmForm(
                initial={"token": staged.token}, user=request.user
            ),
        }
        return TemplateResponse(request, "admin/indicators/importrun/preview.html", context)


@admin.register(ObservationChange)
class ObservationChangeAdmin(CityStaffReadOnlyAdmin):
    list_display = [
        "statistic",
        "area",
        "year",
        "old_value",
        "new_value",
        "old_edition",
        "new_edition",
        "import_run",
    ]
    list_filter = ["new_edition", ("import_run", admin.RelatedOnlyFieldListFilter)]
    list_select_related = ["observation__statistic", "observation__area", "import_run"]
    search_fields = ["=observation__area__code", "=observation__statistic__code"]

    @admin.display(description=_("statistic"), ordering="observation__statistic__code")
    def statistic(self, change: ObservationChange) -> str:
        return change.observation.statistic.code

    @admin.display(description=_("area"), ordering="observation__area__code")
    def area(self, change: ObservationChange) -> str:
        return str(change.observation.area)

    @admin.display(description=_("reference year"), ordering="observation__year")
    def year(self, change: ObservationChange) -> int:
        return change.observation.year


class ScoresRefreshOnSaveMixin:
    """Indicator definitions feed the stored scores: recompute them after every edit."""

    def save_related(self, request, form, formsets, change) -> None:
        super().save_related(request, form, formsets, change)
        transaction.on_commit(scores_refresh_later)

    def delete_model(self, request, obj) -> None:
        super().delete_model(request, obj)
        transaction.on_commit(scores_refresh_later)


@admin.register(Indicator)
class IndicatorAdmin(ScoresRefreshOnSaveMixin, TranslationAdmin):
    form = IndicatorAdminForm
    list_display = ["code", "name", "goal", "unit", "direction", "indicator_set"]
    list_filter = ["goal", "indicator_set", "direction", "target_is_demo"]
    search_fields = ["code", "name_ja", "name_en", "formula"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    ("code", "indicator_set", "order"),
                    side_by_side("name"),
                    side_by_side("description"),
                    side_by_side("rationale"),
                    "goal",
                    "formula",
                    side_by_side("unit"),
                    side_by_side("source"),
                ]
            },
        ),
        (
            _("Scoring"),
            {
                "fields": [
                    "direction",
                    ("lower_bound", "upper_bound"),
                    ("green_threshold", "yellow_threshold", "red_threshold"),
                ]
            },
        ),
        (
            _("Local target"),
            {
                "fields": [
                    "target_value",
                    ("target_base_year", "target_year"),
                    "target_is_demo",
                ]
            },
        ),
    ]


@admin.register(CompositeIndicator)
class CompositeIndicatorAdmin(ScoresRefreshOnSaveMixin, TranslationAdmin):
    list_display = ["code", "name", "goal"]
    list_filter = ["goal"]
    search_fields = ["code", "name_ja", "name_en"]
    autocomplete_fields = ["components"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "code",
                    side_by_side("name"),
                    side_by_side("rationale"),
                    "goal",
                    "components",
                ]
            },
        )
    ]
