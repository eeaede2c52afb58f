"""Readers of attachment text (PDF, DOCX, XLSX, OFD, TXT), each under `search.limits`.

This module imports nothing from Django: it runs in the child process of `search.isolation`,
never in a web request. Every reader either returns the text or raises `Refused` with a reason;
a library's own exception on a damaged file becomes `Refused("damaged", …)` in `extract`.
"""

import io
import time
from pathlib import PurePath

from search import limits as bounds
from search.limits import ExtractionLimits, Refused
from search.safezip import BoundedZip


def pdf_text(data: bytes, limits: ExtractionLimits) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if len(reader.pages) > limits.pdf_pages:
        raise Refused("pdf_pages", str(len(reader.pages)))
    deadline = time.monotonic() + limits.pdf_seconds
    parts, length = [], 0
    for page in reader.pages:
        if time.monotonic() > deadline:
            raise Refused("pdf_seconds", str(limits.pdf_seconds))
        text = page.extract_text() or ""
        parts.append(text)
        length += len(text) + 1
        if length > limits.max_chars:  # the rest would be cut anyway
            break
    return "\n".join(parts)


def docx_text(data: bytes, limits: ExtractionLimits) -> str:
    import docx

    BoundedZip(data, limits).verify()
    document = docx.Document(io.BytesIO(data))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def xlsx_text(data: bytes, limits: ExtractionLimits) -> str:
    from openpyxl import load_workbook

    BoundedZip(data, limits).verify()
    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    parts, length = [], 0
    try:
        for sheet in workbook.worksheets:
            parts.append(sheet.title)
            for row in sheet.iter_rows(values_only=True):
                line = " ".join(str(value) for value in row if value is not None)
                parts.append(line)
                length += len(line) + 1
                if length > limits.max_chars:
                    return "\n".join(parts)
    finally:
        workbook.close()
    return "\n".join(parts)


def ofd_text(data: bytes, limits: ExtractionLimits) -> str:
    from search.ofd import ofd_text

    return ofd_text(data, limits)


def plain_text(data: bytes, limits: ExtractionLimits) -> str:
    # UTF-8 takes up to 4 bytes a character: no more is decoded than can be kept.
    return data[: limits.max_chars * 4].decode("utf-8", errors="replace")


READERS = {
    "pdf": pdf_text,
    "docx": docx_text,
    "xlsx": xlsx_text,
    "ofd": ofd_text,
    "txt": plain_text,
}


def extension(file_name: str | None) -> str:
    # None: a document whose file was deleted (FieldFile.delete saves the empty name).
    return PurePath(file_name or "").suffix.lstrip(".").lower()


def can_read(file_name: str | None) -> bool:
    return extension(file_name) in READERS


def extract(file_name: str, data: bytes, limits: ExtractionLimits | None = None) -> str:
    """The text of a file, in this process; raises `Refused` with the reason it is not read.
    Outside tests, call it only through `search.isolation.extract_in_child`."""
    limits = limits or bounds.LIMITS
    if len(data) > limits.file_bytes:
        raise Refused("file_bytes", str(len(data)))
    try:
        return READERS[extension(file_name)](data, limits)[: limits.max_chars]
    except Refused:
        raise
    except MemoryError:
        raise Refused("memory") from None
    except Exception as exc:  # a damaged or encrypted file: the library's own complaint
        raise Refused("damaged", f"{type(exc).__name__}: {exc}") from exc
