"""Builders for search tests: the corpus (two organisations' columns and pages), a live item
linking a document, with the document's text; the bytes of small Word, Excel and PDF files;
every page put into a search engine."""

import io
from collections import defaultdict

import pytest
from wagtail.models import Page, PageViewRestriction

from disclosure.catalogue.tests.factories import (
    CategoryPageFactory,
    DisclosureDocumentPageFactory,
    DisclosureIndexPageFactory,
    PolicyDocumentPageFactory,
)
from search.models import AttachmentText
from tests.factories import DocumentFactory

# A module whose every test searches the corpus builds it once: `pytestmark = CORPUS_PER_MODULE`.
CORPUS_PER_MODULE = [pytest.mark.django_db, pytest.mark.usefixtures("corpus_for_the_module")]


def build_corpus():
    """Two organisations' columns and items, with drafts and a view-restricted page (the
    `corpus` fixture)."""
    t_root = DisclosureIndexPageFactory(
        organisation__name="友谊镇人民政府", title="友谊镇政府信息公开"
    )
    c_root = DisclosureIndexPageFactory(
        organisation__name="和平县医疗保障局", title="和平县医保局信息公开"
    )
    budget = CategoryPageFactory(parent=t_root, title="预算决算", intro="<p>部门预算和决算。</p>")
    guide = CategoryPageFactory(parent=c_root, title="办事指南", intro="<p>医疗保障办事指南。</p>")

    def column(title, intro, parent=guide, **fields):
        return CategoryPageFactory(parent=parent, title=title, intro=intro, **fields)

    pages = {
        "budget": budget,
        "guide": guide,
        "budget_2022": column(
            "友谊镇2022年部门预算公开", "<p>本镇部门预算如下。</p>", parent=budget
        ),
        "dibao_body": column("申请指南", "<p>最低生活保障（低保）申请办理流程。</p>"),
        "dibao_title": column("低保申请须知", "<p>请携带身份证。</p>"),
        "traditional": column("醫療保障資訊公開", "<p>繁體字頁面。</p>"),
        "draft": column("低保草稿未发布", "<p>低保。</p>", live=False),
        "restricted": column("低保内部资料", "<p>低保。</p>"),
    }
    PageViewRestriction.objects.create(
        page=pages["restricted"], restriction_type="password", password="x"
    )
    pages["township_root"], pages["county_root"] = t_root, c_root
    return pages


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
