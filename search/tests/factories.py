"""Builders for search tests: a live item linking a document, with the document's text; the
bytes of small Word, Excel and PDF files; every page put into a search engine."""

import io
from collections import defaultdict

from wagtail.models import Page

from disclosure.catalogue.tests.factories import (
    DisclosureDocumentPageFactory,
    PolicyDocumentPageFactory,
)
from search.models import AttachmentText
from tests.factories import DocumentFactory


def add_items(corpus, count, offset=0):
    """`count` items holding 公示, spread over both offices' columns (the corpus fixture) and
    two item types."""
    columns = [corpus["budget"], corpus["guide"]]
    for n in range(offset, offset + count):
        factory = DisclosureDocumentPageFactory if n % 2 else PolicyDocumentPageFactory
        factory(parent=columns[n % 2], title=f"第{n}号公示", slug=f"notice-{n}")


def item_with_attachment(parent, document, title="危房改造公示"):
    """A live disclosure item under `parent` whose body links `document`."""
    body = [("paragraph", "<p>见附件。</p>"), ("attachment", {"document": document})]
    return DisclosureDocumentPageFactory(parent=parent, title=title, body=body)


def attach(parent, text, title="危房改造公示"):
    """A live item linking a document whose extracted text is stored (as the task leaves it)."""
    document = DocumentFactory(title="名单", file__data=b"-", file__filename="名单.pdf")
    AttachmentText.objects.update_or_create(document=document, defaults={"text": text})
    return item_with_attachment(parent, document, title=title)


def docx_bytes(paragraph, cell):
    import docx

    document = docx.Document()
    document.add_paragraph(paragraph)
    document.add_table(rows=1, cols=1).cell(0, 0).text = cell
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(value):
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active.title = "支出明细"
    workbook.active.append(["项目", value])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def pdf_bytes(text):
    from weasyprint import HTML

    return HTML(string=f"<p style='font-family: Noto Sans CJK SC'>{text}</p>").write_pdf()


def index_pages(backend):
    """Every page into the engine, each with its own type's mapping (its text fields)."""
    index = backend.get_index_for_model(Page)
    index.reset()
    index.add_model(Page)
    by_type = defaultdict(list)
    for page in Page.objects.all().specific():
        by_type[type(page)].append(page)
    for model, pages in by_type.items():
        index.add_model(model)
        index.add_items(model, pages)
    index.refresh()
    return index
