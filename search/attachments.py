"""Text of attachments (PDF, DOCX, XLSX, OFD, TXT), for indexing with the live pages that link
them and for the sensitive-word scan.

Extraction runs only in the Celery worker (`search.tasks`), in a child process under limits
(`search.limits`, `search.isolation`); the index and the scan read the stored `AttachmentText`,
so neither indexing a page nor a web request ever opens a file. The readers themselves live in
`search.readers` (no Django there: the child imports them).
"""

from wagtail.documents import get_document_model

from gongkai.content_references import page_ids_referring_to, referenced_ids
from search.limits import Refused
from search.readers import READERS, can_read, extension, extract

__all__ = ["READERS", "Refused", "can_read", "extension", "extract"]


def linked_document_ids(page) -> list[int]:
    """Documents the page links, from its fields, StreamField blocks and rich text."""
    return sorted(referenced_ids(page, get_document_model()))


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

    return Page.objects.filter(pk__in=page_ids_referring_to(document))
