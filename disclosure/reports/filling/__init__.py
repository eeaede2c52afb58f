"""Filling a report page: its tables from the register, the catalogue or a workbook
(``sources.py``, written as a draft by ``drafts.py``, offered as the buttons of ``actions.py``),
and a whole body built from plain data (``page_body.py``: the importer, the demo, tests)."""
