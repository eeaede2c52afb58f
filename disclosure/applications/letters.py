"""Reply letters (告知书) as DOCX, one wording per reply type; staff edit the file before issue."""

import io

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH

from disclosure.reports.tables import TABLE_B_2021

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
REMEDY = (
    "如对本答复不服，可以自收到本告知书之日起六十日内依法申请行政复议，"
    "或者自收到本告知书之日起六个月内依法提起行政诉讼。"
)


def wording(outcome):
    return WORDING.get(outcome) or WORDING[_PARENT[outcome]]


def reply_letter(application):
    """The 告知书 of a replied application as DOCX bytes."""
    if not application.replied_on:
        raise ValueError("the application has not been replied to")
    document = Document()
    title = document.add_heading("政府信息公开申请答复告知书", level=1)
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    number = document.add_paragraph(f"申请编号：{application.tracking_number}")
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    document.add_paragraph(f"{application.name}：")
    document.add_paragraph(
        f"本机关于{application.received_on:%Y年%m月%d日}收到您提出的政府信息公开申请，"
        f"申请获取“{application.description}”。现答复如下："
    )
    document.add_paragraph(f"答复类型：{application.get_outcome_display()}")
    document.add_paragraph(wording(application.outcome))
    if application.reply_note:
        document.add_paragraph(application.reply_note)
    document.add_paragraph(REMEDY)
    for line in (application.organisation.name, f"{application.replied_on:%Y年%m月%d日}"):
        document.add_paragraph(line).alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
