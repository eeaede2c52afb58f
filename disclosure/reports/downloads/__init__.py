"""The report's downloads: the workbook, Word and PDF files built in Celery and kept per published
revision (``exports.py``), the Word document (``docx_export.py``) and the PDF
(``pdf_export.py``); the workbook itself is ``workbook/xlsx.py``."""
