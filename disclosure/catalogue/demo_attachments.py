"""Files the demo's items carry, made here (no download): the 正式文本 of a 规范性文件 as a PDF,
and the 老旧小区改造 guide's registration form as a Word file and its summary sheet as a
spreadsheet, so that a visitor of the demo sees an item's attachment list (type, size,
download). The 低保 guide, the item bench/bench_http.py serves, keeps none: its counted
queries stay those of an item without attachments (home/tests/test_page_queries.py)."""

import io

from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from wagtail.documents import get_document_model
from wagtail.utils.file import hash_filelike

from gongkai.pdf import html_to_pdf


def _document(title, file_name, content):
    # Size and hash recorded now, as Wagtail's upload form does: otherwise the first visitor's
    # page view writes them (a write on GET, and a second text extraction).
    return get_document_model().objects.create(
        title=title,
        file=ContentFile(content, name=file_name),
        file_size=len(content),
        file_hash=hash_filelike(io.BytesIO(content)),
    )


def attachment(document, title=""):
    """One attachment block value (blocks.AttachmentBlock)."""
    return ("attachment", {"document": document, "title": title})


def pdf_document(title, doc_number, paragraphs, file_name):
    html = render_to_string(
        "catalogue/pdf/demo_attachment.html",
        {"title": title, "doc_number": doc_number, "paragraphs": paragraphs},
    )
    return _document(title, file_name, html_to_pdf(html))


def docx_document(title, rows, file_name):
    """A form: its title, then a two-column table of (label, blank to fill in)."""
    from docx import Document

    doc = Document()
    doc.core_properties.title = title
    doc.add_heading(title, level=1)
    table = doc.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    for row, label in zip(table.rows, rows, strict=True):
        row.cells[0].text = label
    out = io.BytesIO()
    doc.save(out)
    return _document(title, file_name, out.getvalue())


def xlsx_document(title, header, rows, file_name):
    from openpyxl import Workbook

    from gongkai.spreadsheets import append_row

    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]  # Excel's limit on a sheet name
    append_row(sheet, header)
    for row in rows:
        append_row(sheet, row)
    out = io.BytesIO()
    book.save(out)
    return _document(title, file_name, out.getvalue())


GARBAGE_PLAN_TEXT = [
    "为深入推进生活垃圾分类工作，改善人居环境，根据上级有关要求，结合本镇实际，制定本方案。",
    "一、工作目标。到2022年底，全镇各社区普遍开展生活垃圾分类宣传，"
    "居民对垃圾分类的知晓率明显提高。",
    "二、分类标准。生活垃圾分为可回收物、有害垃圾、厨余垃圾和其他垃圾四类。",
    "三、职责分工。镇政府负责统筹协调；各社区负责本辖区居民的宣传、指导和监督。",
    "四、保障措施。加强组织领导，落实工作经费，将垃圾分类纳入社区年度考核。",
    "本方案自2022年4月1日起施行。",
]


def garbage_plan_pdf():
    return pdf_document(
        "友谊镇生活垃圾分类工作实施方案",
        "友政发〔2022〕3号",
        GARBAGE_PLAN_TEXT,
        "garbage-sorting-plan-2022.pdf",
    )


def old_housing_forms():
    """The 老旧小区改造 guide's two forms: the owner's registration (Word) and the community's
    summary sheet (Excel)."""
    registration = docx_document(
        "老旧小区改造意见登记表",
        [
            "小区名称",
            "楼栋、单元、门牌号",
            "业主姓名",
            "联系电话",
            "房屋产权证明或租赁合同编号",
            "改造意见（屋面、外墙保温、管网、道路、绿化等）",
            "业主签字",
            "登记日期",
        ],
        "old-housing-registration.docx",
    )
    summary = xlsx_document(
        "改造意见汇总表",
        ["小区名称", "楼栋", "登记户数", "主要意见", "社区经办人", "备注"],
        [["（示例）站前小区", "3号楼", 24, "更换供热管网、外墙保温", "", ""]],
        "old-housing-summary.xlsx",
    )
    return [
        attachment(registration, "老旧小区改造意见登记表（Word）"),
        attachment(summary, "改造意见汇总表（Excel）"),
    ]
