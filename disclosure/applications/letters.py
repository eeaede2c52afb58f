"""Reply letters (告知书) as DOCX and PDF, one wording per reply type; staff may rewrite the body
before the letter is issued (Application.edit_letter / issue_letter)."""

import io

from disclosure.statutory.tables import TABLE_B_2021
from gongkai.pdf import render_pdf

_PARENT = {row.key: row.parent for row in TABLE_B_2021.rows}

# Wording by outcome row, else by its group (Art. 36 reply types).
WORDING = {
    "granted": "经审查，您申请的政府信息属于公开范围，本机关予以公开，"
    "信息见附件（或按您选择的方式提供）。",
    "partial": "经审查，您申请的政府信息中含有不应当公开的内容，"
    "本机关依据《中华人民共和国政府信息公开条例》第三十七条作区分处理后，公开其余部分。",
    "refused": "经审查，您申请的政府信息属于不予公开的范围，本机关决定不予公开。",
    "unable": "经审查，本机关无法提供您申请的政府信息。",
    "unprocessed": "经审查，您的申请不属于本机关应当作为政府信息公开申请处理的情形，"
    "本机关不予处理。",
    "other_overdue_correction": "本机关已于规定期限内告知您补正申请，您无正当理由逾期未补正，"
    "视为放弃申请，本机关不再处理该政府信息公开申请。",
    "other_overdue_fee": "本机关已向您发出收费通知，您逾期未按收费通知要求缴纳费用，"
    "本机关不再处理该政府信息公开申请。",
    "other_other": "本机关对您的申请作如下处理：",
}
TITLE = "政府信息公开申请答复告知书"
REMEDY = (
    "如对本答复不服，可以自收到本告知书之日起六十日内依法申请行政复议，"
    "或者自收到本告知书之日起六个月内依法提起行政诉讼。"
)


def wording(outcome):
    return WORDING.get(outcome) or WORDING[_PARENT[outcome]]


def default_body(application):
    """The body of the 告知书 for its reply type, paragraphs separated by blank lines."""
    paragraphs = [
        f"本机关于{application.received_on:%Y年%m月%d日}收到您提出的政府信息公开申请，"
        f"申请获取“{application.description}”。现答复如下：",
        f"答复类型：{application.get_outcome_display()}",
        wording(application.outcome),
        application.reply_note,
        REMEDY,
    ]
    return "\n\n".join(p.strip() for p in paragraphs if p and p.strip())


def letter_parts(application):
    """What both the DOCX and the PDF print: the staff's edited body if any, else the default."""
    if not application.replied_on:
        raise ValueError("the application has not been replied to")
    body = application.letter_text or default_body(application)
    return {
        "title": TITLE,
        "number": f"申请编号：{application.tracking_number}",
        "salutation": f"{application.name}：",
        "paragraphs": [p.strip() for p in body.split("\n\n") if p.strip()],
        "signature": [application.organisation.name, f"{application.replied_on:%Y年%m月%d日}"],
        "draft": not application.letter_issued_on,
    }


def reply_letter(application):
    """The 告知书 of a replied application as DOCX bytes."""
    # Imported on use: every web worker imports this module, few ever need python-docx (21 MB)
    # (docs/performance.md, "Worker memory").
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    parts = letter_parts(application)
    document = Document()
    title = document.add_heading(parts["title"], level=1)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph(parts["number"]).alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph(parts["salutation"])
    for paragraph in parts["paragraphs"]:
        document.add_paragraph(paragraph)
    for line in parts["signature"]:
        document.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def reply_letter_pdf(application):
    """The same 告知书 as PDF (gongkai.pdf, template applications/letter_pdf.html)."""
    return render_pdf("applications/letter_pdf.html", letter_parts(application))
