"""File importers: one module per format, each with `read(path) -> TidyImport` (sdg-build style)."""
