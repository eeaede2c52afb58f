"""The files an office brings: a report as published (a text file, Word or PDF) read as text
(``report_text.py``) and imported as a draft page (``importer.py``), and a workbook checked
against the rules, uploaded or on the command line (``checker.py``)."""
