"""Darwin Core Archive exchange: one reader, one importer per core type, one writer."""

from .importer import dwca_import
from .reader import DwcaError
from .report import ImportReport
from .writer import ExportStats, dwca_export_write

__all__ = ["DwcaError", "ExportStats", "ImportReport", "dwca_export_write", "dwca_import"]
