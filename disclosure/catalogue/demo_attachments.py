"""Files the demo's items carry, made here (no download): the 正式文本 of a 规范性文件 as a PDF,
and the 低保 guide's application form as a Word file and its income sheet as a spreadsheet, so
that a visitor of the demo sees an item's attachment list (type, size, download)."""

import io

from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from wagtail.documents import get_document_model

from gongkai.pdf import html_to_pdf


def _document(title, file_name, content):
    return get_document_model().objects.create(
        title=title, file=ContentFile(content, name=file_name)
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


def dibao_forms():
    """The 低保 guide's two forms: the application (Word) and the household income (Excel)."""
    application = docx_document(
        "城乡居民最低生活保障申请表",
        [
            "申请人姓名",
            "居民身份证号码",
            "户籍所在地",
            "现居住地址",
            "联系电话",
            "家庭人口",
            "家庭月收入（元）",
            "申请理由",
            "申请人签字",
            "申请日期",
        ],
        "dibao-application-form.docx",
    )
    income = xlsx_document(
        "家庭成员及收入情况表",
        ["姓名", "与申请人关系", "居民身份证号码", "就业情况", "月收入（元）", "备注"],
        [["（示例）张三", "本人", "", "灵活就业", 800, ""]],
        "dibao-household-income.xlsx",
    )
    return [
        attachment(application, "城乡居民最低生活保障申请表（Word）"),
        attachment(income, "家庭成员及收入情况表（Excel）"),
    ]
