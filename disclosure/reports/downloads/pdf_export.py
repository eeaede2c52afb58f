"""The report as a PDF in the official layout (shared ``gongkai.pdf``: WeasyPrint, Noto CJK).

The page's own block templates draw the tables (merged header cells, numbered row labels);
``pdf/base.html`` repeats each table's ``thead`` on every page it runs over.
"""

from gongkai.pdf import render_pdf


def report_pdf_bytes(page, request=None):
    return render_pdf("reports/pdf/report.html", {"page": page}, request=request)
