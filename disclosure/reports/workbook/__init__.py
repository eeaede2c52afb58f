"""The statistical tables as a workbook in the official layout, written and read back
(``xlsx.py``), with what openpyxl does not hand back as stored (``stored_numbers.py``), the
recomputation of a formula's stored value (``formulas.py``) and why a file could not be opened
(``file_errors.py``)."""
