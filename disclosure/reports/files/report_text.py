"""Text out of a report as it is published: a text file, a Word document or a PDF.

The importer reads the seed's text form: one paragraph a line, each table row as a line of
cells between ``|``. A Word document gives its paragraphs and tables in order, so its tables
become such lines; a PDF gives lines of text, and a line that ends in the numbers of a table row
("1.属于国家秘密 0 0 0 0 0 0 0") becomes such a line too.
"""

import io
import logging
import re
import unicodedata
import warnings
from contextlib import contextmanager
from pathlib import Path

from django.utils.translation import gettext as _

from disclosure.reports.workbook.file_errors import os_error_reason
from search.limits import LIMITS, Refused
from search.safezip import BoundedZip

from .importer import ascii_digits, join_cjk


class DocumentError(ValueError):
    """The file cannot be read as a report (the message says why, in Chinese)."""


SUFFIXES = (".txt", ".docx", ".pdf")


def read_document(path):
    """The report's text in the seed's form, whatever the file; DocumentError otherwise."""
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".docx":
            return docx_text(path)
        if suffix == ".pdf":
            return pdf_text(path)
        data = path.read_bytes()
        _refuse_what_is_no_text(path, data)
        return _plain_text(data)
    except DocumentError:
        raise
    except OSError as error:
        raise DocumentError(
            _("无法打开文件“%(name)s”：%(reason)s。")
            % {"name": path.name, "reason": os_error_reason(error)}
        ) from error
    except Exception as error:  # each library raises its own kinds, in English
        raise DocumentError(
            _("无法读取文件“%(name)s”（应为 .txt、.docx 或 .pdf）：文件已损坏或格式不符。")
            % {"name": path.name}
        ) from error


WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".et", ".ods")
# A zip (.xlsx, .docx, .wps …) or an old Office file (.xls, .doc) read as text would be
# refused as "neither UTF-8 nor GBK", which says nothing of the mistake made.
_BINARY_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")


def _refuse_what_is_no_text(path, data):
    if path.suffix.lower() in WORKBOOK_SUFFIXES:
        raise DocumentError(
            _(
                "“%(name)s”是统计表工作簿，不是报告正文：报告正文应为 .txt、.docx 或 .pdf 文件"
                "（检查工作簿时，工作簿是第一个参数，正文用 --text 给出）。"
            )
            % {"name": path.name}
        )
    if data.startswith(_BINARY_MAGIC):
        raise DocumentError(
            _(
                "“%(name)s”不是文本文件，也不是 .docx 或 .pdf："
                "报告正文应为 .txt、.docx 或 .pdf 文件。"
            )
            % {"name": path.name}
        )


def prose(text):
    """The lines of a report's text that are not table rows (for the R6 check)."""
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("|"))


def _plain_text(data):
    for encoding in ("utf-8-sig", "gb18030"):  # Chinese offices still save GBK text
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise DocumentError(_("文本文件既不是 UTF-8 也不是 GBK 编码。"))


def _pipe_row(cells):
    return "| " + " | ".join(cell.replace("|", "/") for cell in cells) + " |"


def _bounded_zip(path):
    """The bytes of a zip-based file, refused before any library inflates it past the limits
    attachments have (search.safezip): a 1 MB Word file can inflate to gigabytes."""
    if path.stat().st_size > LIMITS.file_bytes:
        raise DocumentError(_("文件“%(name)s”过大，不是年度报告。") % {"name": path.name})
    data = path.read_bytes()
    try:
        with BoundedZip(data) as archive:
            archive.verify()
    except Refused as refused:
        if refused.code == "not_a_zip":
            raise DocumentError(
                _("无法读取文件“%(name)s”：不是 Word 文档（.docx 文件应为 zip 格式）。")
                % {"name": path.name}
            ) from refused
        raise DocumentError(
            _("文件“%(name)s”已损坏或解压后过大，不是有效的 Word 文档。") % {"name": path.name}
        ) from refused
    return data


def docx_text(path):
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = Document(io.BytesIO(_bounded_zip(Path(path))))
    lines = []
    for element in document.element.body.iterchildren():
        tag = element.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(element, document).text.strip())
        elif tag == "tbl":
            for row in Table(element, document).rows:
                cells, seen = [], set()
                for cell in row.cells:  # a merged cell comes once per grid column it spans
                    if id(cell._tc) in seen:
                        continue
                    seen.add(id(cell._tc))
                    cells.append(re.sub(r"\s+", " ", cell.text).strip())
                lines.append(_pipe_row(cells))
    return "\n".join(lines)


_NUMBER = r"-?[0-9]+(?:\.[0-9]+)?"
_TABLE_LINE = re.compile(rf"^(?P<label>.*?)\s*(?P<numbers>(?:{_NUMBER}\s+)*{_NUMBER})$")


class _Kept(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


@contextmanager
def _pypdf_kept_quiet():
    """pypdf tells of a damaged file by logging English lines ("EOF marker not found") and
    warnings, which reach stderr when nothing handles them: kept here instead, for the one
    Chinese error the user gets. Yields the messages logged."""
    logger = logging.getLogger("pypdf")
    kept, propagate = _Kept(), logger.propagate
    logger.addHandler(kept)
    logger.propagate = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield kept.messages
    finally:
        logger.removeHandler(kept)
        logger.propagate = propagate


_TRUNCATED = re.compile(r"EOF marker|truncated", re.IGNORECASE)


def pdf_text(path):
    from pypdf import PdfReader

    with _pypdf_kept_quiet() as logged:
        try:
            reader = PdfReader(str(path))
            page_lines = [
                join_cjk(line)
                for page in reader.pages
                for line in (page.extract_text() or "").splitlines()
            ]
        except Exception as error:  # pypdf's own kinds, in English
            if any(_TRUNCATED.search(message) for message in logged):
                raise DocumentError(
                    _(
                        "无法读取文件“%(name)s”：PDF 文件不完整（缺少文件结尾，可能在下载或复制时被"
                        "截断），请重新导出或下载该文件。"
                    )
                    % {"name": Path(path).name}
                ) from error
            raise
    lines = _unwrapped([line for line in page_lines if not _PAGE_NUMBER.fullmatch(line)])
    # A sentence wrapped just after a number ("…申请 12" / "件，…") stays a sentence.
    return "\n".join(
        line if _UNIT_FIRST.match(following) else _pdf_line(line)
        for line, following in zip(lines, [*lines[1:], ""], strict=True)
    )


def _display_width(text):
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _is_table_like(line):
    match = _TABLE_LINE.match(ascii_digits(line.strip()))
    return bool(match) and len(match.group("numbers").split()) > 1


# A PDF breaks a paragraph into lines of the page's width. A line that fills the width and
# does not end a sentence goes on in the next line: read as one, so that R6 sees a sentence
# whole ("…共新收政府信息公开申请" / "36件…"). Headings and last lines are shorter.
_SENTENCE_END = re.compile(r"[。！？；：!?;:」』”）)]$")
_HEADING = re.compile(
    r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|[0-9]+[.、．])"
)
_FULL_LINE = 0.85


def _unwrapped(lines):
    widths = [_display_width(line.strip()) for line in lines if not _is_table_like(line)]
    full = _FULL_LINE * max(widths, default=0)
    joined, goes_on = [], False
    for line in lines:
        if goes_on and line.strip() and not _is_table_like(line) and not _HEADING.match(line):
            joined[-1] = join_cjk(joined[-1].rstrip() + line.strip())
        else:
            joined.append(line)
        # Whether this physical line filled the width without ending its sentence.
        goes_on = (
            not _is_table_like(line)
            and not (_HEADING.match(line) and "，" not in line)
            and _display_width(line.strip()) >= full
            and not _SENTENCE_END.search(line.strip())
        )
    return joined


_UNIT_FIRST = re.compile(r"(?:件|宗|个|项|条|%|年|月|日|万元|元|人|次)")


# "1 / 3", "- 2 -", "第 3 页": a page's header or footer, not a row of a table.
_PAGE_NUMBER = re.compile(r"\s*(?:[0-9]+\s*/\s*[0-9]+|-\s*[0-9]+\s*-|第\s*[0-9]+\s*页.*)\s*")


def _pdf_line(line):
    """A line that ends in the numbers of a table row becomes a table row. A line that ends in
    one number is a row only if it reads as a label (no sentence punctuation, not a date):
    a sentence ends in 。 and its numbers are followed by a unit."""
    match = _TABLE_LINE.match(ascii_digits(line.strip()))
    if not match:
        return line
    label, numbers = match.group("label"), match.group("numbers").split()
    if len(numbers) == 1 and label and re.search(r"[。，；：、]|[年月日]$", label):
        return line
    return _pipe_row([label, *numbers] if label else numbers)
