"""Reply letters (告知书) as DOCX and PDF, one wording per reply type; staff may rewrite the body
before the letter is issued (Application.edit_letter / issue_letter)."""

import io

from django.conf import settings
from django.utils import translation

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
# What ends a sentence, dropped from the end of the quoted request: the letter's own
# "”。现答复如下" closes the sentence once.
_SENTENCE_ENDS = "。．.；;，, \t\r\n\u3000"


def wording(outcome):
    return WORDING.get(outcome) or WORDING[_PARENT[outcome]]


def official_date(day):
    """A date as official documents write it: 2026年12月1日, no leading zeros."""
    return f"{day.year}年{day.month}月{day.day}日"


def remedy(organisation):
    """Art. 51: the applicant may apply for 行政复议 or bring 行政诉讼, to the authority and the
    court the organisation names (its settings), or “依法” where it names none."""
    review = (
        f"向{organisation.review_authority}申请行政复议"
        if organisation.review_authority
        else "依法申请行政复议"
    )
    lawsuit = f"向{organisation.court}提起行政诉讼" if organisation.court else "依法提起行政诉讼"
    return f"如对本答复不服，可以在收到本告知书之日起六十日内{review}，或者在六个月内{lawsuit}。"


def default_body(application):
    """The body of the 告知书 for its reply type, paragraphs separated by blank lines. Chinese
    whatever the language of the page asking (/en/apply/status/, an English admin)."""
    with translation.override(settings.LANGUAGE_CODE):
        return _default_body(application)


def _default_body(application):
    paragraphs = [
        f"本机关于{official_date(application.received_on)}收到您提出的政府信息公开申请，"
        f"申请获取“{application.description.strip().rstrip(_SENTENCE_ENDS)}”。现答复如下：",
        f"答复类型：{application.public_outcome}",
        wording(application.outcome),
        application.reply_note,
        remedy(application.organisation),
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
        "signature": [application.organisation.name, official_date(application.replied_on)],
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
    with translation.override(settings.LANGUAGE_CODE):  # the letter is Chinese (default_body)
        return render_pdf("applications/letter_pdf.html", letter_parts(application))
