"""Text of attachments (PDF, DOCX, XLSX, OFD), for indexing with the live pages that link them.

Extraction runs in Celery (`search.tasks`) because a large PDF takes seconds; the index then reads
the stored `AttachmentText`, so indexing a page never opens a file.
"""

import io
from pathlib import PurePath

from django.contrib.contenttypes.models import ContentType
from wagtail.documents import get_document_model
from wagtail.models import ReferenceIndex

# Enough for any real document; bounds the index row of a page with a huge spreadsheet.
MAX_CHARS = 200_000


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def docx_text(data: bytes) -> str:
    import docx

    document = docx.Document(io.BytesIO(data))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def xlsx_text(data: bytes) -> str:
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    parts = []
    for sheet in workbook.worksheets:
        parts.append(sheet.title)
        for row in sheet.iter_rows(values_only=True):
            parts.append(" ".join(str(value) for value in row if value is not None))
    workbook.close()
    return "\n".join(parts)


def ofd_text(data: bytes) -> str:
    from search.ofd import ofd_text

    return ofd_text(data)


READERS = {"pdf": pdf_text, "docx": docx_text, "xlsx": xlsx_text, "ofd": ofd_text}


def extension(file_name: str) -> str:
    return PurePath(file_name).suffix.lstrip(".").lower()


def can_read(file_name: str) -> bool:
    return extension(file_name) in READERS


def extract(file_name: str, data: bytes) -> str:
    """The text of a file; raises on a damaged file (the task records why)."""
    return READERS[extension(file_name)](data)[:MAX_CHARS]


def linked_document_ids(page) -> list[int]:
    """Documents the page links, from its fields, StreamField blocks and rich text."""
    document_type = ContentType.objects.get_for_model(get_document_model()).pk
    found = {
        int(object_id)
        for content_type, object_id, *_ in ReferenceIndex._extract_references_from_object(page)
        if content_type == document_type and str(object_id).isdigit()
    }
    return sorted(found)


def text_for_page(page) -> str:
    """The stored text of every attachment the page links, for its index row."""
    from search.models import AttachmentText

    ids = linked_document_ids(page)
    if not ids:
        return ""
    return "\n".join(
        AttachmentText.objects.filter(document_id__in=ids)
        .order_by("document_id")
        .values_list("text", flat=True)
    )


def pages_linking(document):
    """Pages whose content references the document (Wagtail's reference index)."""
    from wagtail.models import Page

    page_type = ContentType.objects.get_for_model(Page)
    ids = ReferenceIndex.get_references_to(document).filter(base_content_type=page_type)
    return Page.objects.filter(pk__in=[int(pk) for pk in ids.values_list("object_id", flat=True)])
