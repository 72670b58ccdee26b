"""dwca_import: read an archive, validate every row, then write it all in one transaction."""

from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from tsunagu.nature.models import DarwinCoreImport

from . import terms
from .occurrences import OccurrenceImporter
from .reader import DwcaError, archive_open
from .report import ImportReport, capped
from .taxa import TaxonImporter

IMPORTERS = {terms.OCCURRENCE: OccurrenceImporter, terms.TAXON: TaxonImporter}


class _DryRunError(Exception):
    """Raised inside the transaction to roll back a dry run."""


def dwca_import(
    path: str | Path, *, dry_run: bool = False, user=None, file_name: str = ""
) -> ImportReport:
    """Import an Occurrence or Taxon core archive. Raises DwcaError (nothing written) when
    any row cannot be imported; `dry_run` reports the same counts and writes nothing."""
    path = Path(path)
    report = ImportReport(file_name=file_name or path.name, dry_run=dry_run)
    with archive_open(path) as archive:
        report.core_type = archive.core.row_type_name
        report.dataset_title = archive.title
        for message in archive.messages:
            report.note(message)
        importer_class = IMPORTERS.get(archive.core.row_type)
        if importer_class is None:
            raise DwcaError(
                _("The core is %(type)s: only Occurrence and Taxon cores can be imported.")
                % {"type": archive.core.row_type_name}
            )
        if importer_class is OccurrenceImporter:
            for extension in archive.extensions:
                report.note(
                    _("Extension %(file)s (%(type)s) is not imported.")
                    % {"file": extension.name, "type": extension.row_type_name}
                )
        importer = importer_class(archive, report)
        errors = importer.validate()
        if errors:
            raise DwcaError(capped(errors))
        try:
            with transaction.atomic():
                importer.write()
                if dry_run:
                    raise _DryRunError
                DarwinCoreImport.objects.create(
                    file_name=report.file_name[:300],
                    core_type=report.core_type[:200],
                    dataset_title=report.dataset_title[:500],
                    imported_by=user,
                    rows_created=report.created,
                    rows_updated=report.updated,
                )
        except _DryRunError:
            pass
    return report
