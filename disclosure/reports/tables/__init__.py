"""A table as it is held and printed: what a cell may hold (``cells.py``) and the printed
grid of each table, merged headers and numbered row labels (``layout.py``)."""
