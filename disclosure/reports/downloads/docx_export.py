"""The report as a Word document (offices edit and file reports in Word/WPS).

The tables use the same grid as the page and the spreadsheet (``tables/layout.py``); their
header rows repeat on each printed page (``w:tblHeader``).
"""

import html
import re
from io import BytesIO

from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from disclosure.reports.blocks import Section
from disclosure.reports.tables import layout
from gongkai.languages.publication_dates import publication_date

BODY_FONT = "宋体"  # Word/WPS substitute a CJK font where it is missing


def _use_cjk_font(document):
    # Imported on use: every web worker imports this module, few ever need python-docx (21 MB)
    # (docs/performance.md, "Worker memory").
    from docx.oxml.ns import qn
    from docx.shared import Pt

    style = document.styles["Normal"]
    style.font.name = BODY_FONT
    style.font.size = Pt(11)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), BODY_FONT)


def _paragraphs(source):
    """The text of each paragraph of rich-text HTML. Word shows what it is given, so the
    entities the editor writes (&quot; &amp; &nbsp;) become the characters they stand for."""
    texts = (html.unescape(strip_tags(p)).strip() for p in re.split(r"</p>|<br\s*/?>", source))
    return [text for text in texts if text]


def _repeat_as_header(row):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    properties = row._tr.get_or_add_trPr()
    marker = OxmlElement("w:tblHeader")
    marker.set(qn("w:val"), "true")
    properties.append(marker)


def add_table(document, table, values):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    rows = layout.grid(table, values)
    placed = list(layout.positions(rows))
    width = max(c + cell.colspan for cell, _r, c in placed)
    caption = document.add_paragraph(f"{_(table.number)} {table.caption}")
    caption.alignment = WD_ALIGN_PARAGRAPH.CENTER
    word_table = document.add_table(rows=len(rows), cols=width)
    word_table.style = "Table Grid"
    for index, grid_row in enumerate(rows):
        if grid_row.head:
            _repeat_as_header(word_table.rows[index])
    for cell, r, c in placed:
        target = word_table.cell(r, c)
        if cell.colspan > 1 or cell.rowspan > 1:
            target = target.merge(word_table.cell(r + cell.rowspan - 1, c + cell.colspan - 1))
        target.text = cell.text if cell.header else ("" if cell.value is None else str(cell.value))
    return word_table


def report_document(page):
    """A python-docx Document of the page's title, sections and tables, in the body's order."""
    from docx import Document

    document = Document()
    _use_cjk_font(document)
    document.add_heading(page.title, level=0)
    published = publication_date(page)
    if published is not None:
        # A downloaded report says when it was published, as the page does.
        document.add_paragraph(f"{_('发布日期')} {timezone.localtime(published):%Y-%m-%d}")
    headings = dict(Section.choices)
    for child in page.body:
        if child.block_type == "section":
            document.add_heading(str(headings.get(child.value["section"], "")), level=1)
            for text in _paragraphs(child.value["body"].source):
                document.add_paragraph(text)
        elif hasattr(child.block, "table_key"):
            add_table(document, child.block.table, child.block.values(child.value))
    return document


def report_docx_bytes(page):
    buffer = BytesIO()
    report_document(page).save(buffer)
    return buffer.getvalue()
