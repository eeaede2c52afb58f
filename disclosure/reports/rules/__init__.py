"""The consistency rules (勾稽关系) R1–R9 of the annual report, as pure functions over table
values: what a finding is (``findings.py``), the tables' arithmetic R1–R5 (``arithmetic.py``),
the text against the tables R6 (``prose.py``), every cell R7 (``each_cell.py``), Table A's
regulations R8–R9 (``regulations.py``), and which of them run over a table or a report
(``checks.py``)."""
