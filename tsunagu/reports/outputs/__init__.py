"""The files of a report version, made from its snapshot: `pdf.report_pdf` (WeasyPrint) and
`docx.report_docx` (python-docx), one per language."""
