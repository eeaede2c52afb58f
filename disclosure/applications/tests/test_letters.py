import datetime
import io
import re

import pytest
from django.contrib.auth.hashers import make_password
from docx import Document
from pypdf import PdfReader

from disclosure.applications.letters import remedy, reply_letter, reply_letter_pdf, wording
from disclosure.applications.models import Application, TransitionRefused
from disclosure.applications.tests.factories import applicant_fields
from disclosure.catalogue.models import Organisation
from disclosure.statutory.tables import OUTCOME_ROWS_2021
from home import demo_content

D = datetime.date
pytestmark = pytest.mark.django_db


def text_of(docx_bytes):
    return "\n".join(p.text for p in Document(io.BytesIO(docx_bytes)).paragraphs)


def test_every_outcome_has_a_wording():
    assert all(wording(key) for key in OUTCOME_ROWS_2021)


def test_a_refusal_letter_names_ground_reason_and_remedy(make_application, clerk):
    app = make_application(received_on=D(2025, 3, 3))
    app.reply(clerk, D(2025, 3, 10), "refused_process", "属于讨论记录，依据第十六条不予公开。")
    text = text_of(reply_letter(app))
    assert app.tracking_number in text and "张三" in text
    assert "属于四类过程性信息" in text and "依据第十六条" in text
    assert "行政复议" in text and "2025年3月10日" in text


def test_no_letter_before_the_reply(make_application):
    with pytest.raises(ValueError):
        reply_letter(make_application())


def test_staff_download_the_letter_and_the_look_is_logged(
    client, clerk, organisation, make_application
):
    clerk.groups.add(organisation.application_handlers.group)
    client.force_login(clerk)
    app = make_application(received_on=D(2025, 3, 3))
    url = f"/admin/applications_application/letter/{app.pk}/"
    assert client.get(url).status_code == 404
    app.reply(clerk, D(2025, 3, 4), "granted")
    response = client.get(url)
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert "予以公开" in text_of(response.content)
    assert app.events.filter(action="view").count() == 1


def text_of_pdf(pdf_bytes):
    assert pdf_bytes.startswith(b"%PDF-")
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf_bytes)).pages)


def test_the_pdf_letter_says_what_the_docx_says(make_application, clerk):
    app = make_application(received_on=D(2025, 3, 3))
    app.reply(clerk, D(2025, 3, 10), "refused_process", "属于讨论记录，依据第十六条不予公开。")
    text = text_of_pdf(reply_letter_pdf(app))
    for expected in (app.tracking_number, "张三", "属于四类过程性信息", "依据第十六条", "行政复议"):
        assert expected in text
    assert "2025年3月10日" in text and "草稿" in text


def test_staff_edit_the_letter_until_it_is_issued(make_application, clerk):
    app = make_application(received_on=D(2025, 3, 3))
    with pytest.raises(TransitionRefused):
        app.edit_letter(clerk, "还没有答复。")
    app.reply(clerk, D(2025, 3, 10), "granted")
    app.edit_letter(clerk, "经审查，予以公开。\n\n附件：预算表一份。")
    assert "附件：预算表一份。" in text_of(reply_letter(app))
    app.issue_letter(clerk, D(2025, 3, 11))
    text = text_of_pdf(reply_letter_pdf(app))
    assert "附件：预算表一份。" in text and "草稿" not in text
    with pytest.raises(TransitionRefused, match="已于"):
        app.edit_letter(clerk, "出具后再改")
    with pytest.raises(TransitionRefused):
        app.issue_letter(clerk, D(2025, 3, 12))
    assert list(app.events.values_list("action", flat=True))[-2:] == [
        "edit_letter",
        "issue_letter",
    ]


def test_edit_and_issue_from_the_admin(client, clerk, organisation, make_application):
    clerk.groups.add(organisation.application_handlers.group)
    client.force_login(clerk)
    app = make_application(received_on=D(2025, 3, 3))
    url = f"/admin/applications_application/letter/{app.pk}/edit/"
    assert client.get(url).status_code == 404
    app.reply(clerk, D(2025, 3, 4), "granted")
    page = client.get(url)
    assert "予以公开" in page.text and app.events.filter(action="view").count() == 1
    client.post(url, {"text": "改写的正文。", "on": "", "save": "1"})
    app.refresh_from_db()
    assert app.letter_text == "改写的正文。" and not app.letter_issued_on
    refused = client.post(url, {"text": "改写的正文。", "on": "", "issue": "1"})
    assert "请填写出具日期" in refused.text
    client.post(url, {"text": "改写的正文。", "on": "2025-03-05", "issue": "1"})
    app.refresh_from_db()
    assert app.letter_issued_on == D(2025, 3, 5)
    pdf = client.get(f"/admin/applications_application/letter/{app.pk}/pdf/")
    assert pdf["Content-Type"] == "application/pdf" and "改写的正文。" in text_of_pdf(pdf.content)


def test_the_applicant_downloads_the_letter_once_issued(client, organisation, clerk):
    app, code = Application.register(
        user=clerk, organisation=organisation, **applicant_fields(received_on=D(2025, 3, 3))
    )
    codes = {"tracking_number": app.tracking_number, "query_code": code}
    app.reply(clerk, D(2025, 3, 4), "granted")
    assert 'name="letter"' not in client.post("/apply/status/", codes).text
    not_yet = client.post("/apply/status/", {**codes, "letter": "pdf"})
    assert not_yet["Content-Type"].startswith("text/html")
    app.edit_letter(clerk, "经审查，予以公开。附件见邮件。")
    app.issue_letter(clerk, D(2025, 3, 5))
    assert 'value="pdf"' in client.post("/apply/status/", codes).text
    pdf = client.post("/apply/status/", {**codes, "letter": "pdf"})
    assert "附件见邮件" in text_of_pdf(pdf.content)
    docx = client.post("/apply/status/", {**codes, "letter": "docx"})
    assert "附件见邮件" in text_of(docx.content)


@pytest.fixture
def partial_reply(make_application, clerk):
    app = make_application(
        received_on=D(2025, 3, 3),
        description="友谊镇2024年低保发放情况（按社区汇总，不含个人信息）。",
    )
    app.reply(clerk, D(2025, 3, 10), "partial", "涉及个人隐私的部分不予公开。")
    return app


def test_the_letter_gives_the_plain_reply_type_not_the_reports_counting_rule(partial_reply):
    text = text_of(reply_letter(partial_reply))
    assert "答复类型：部分公开\n" in text and "只计这一情形" not in text


def test_the_letters_dates_are_written_without_leading_zeros(partial_reply):
    for text in (
        text_of(reply_letter(partial_reply)),
        text_of_pdf(reply_letter_pdf(partial_reply)),
    ):
        assert "本机关于2025年3月3日收到" in text
        assert re.search(r"\n2025年3月10日(\n|$)", text)  # the signature's date
        assert not re.search(r"年0\d月|月0\d日", text)


def test_quoting_the_request_ends_the_sentence_once(partial_reply):
    text = text_of(reply_letter(partial_reply))
    assert "（按社区汇总，不含个人信息）”。现答复如下：" in text
    assert "。”。" not in text


def test_the_remedy_names_the_review_authority_and_the_court_where_known(partial_reply):
    text = text_of(reply_letter(partial_reply))
    assert (
        "可以在收到本告知书之日起六十日内依法申请行政复议，或者在六个月内依法提起行政诉讼。"
    ) in text
    organisation = partial_reply.organisation
    organisation.review_authority = "友谊县人民政府"
    organisation.court = "友谊县人民法院"
    organisation.save()
    text = text_of(reply_letter(partial_reply))
    assert (
        "如对本答复不服，可以在收到本告知书之日起六十日内向友谊县人民政府申请行政复议，"
        "或者在六个月内向友谊县人民法院提起行政诉讼。"
    ) in text


def test_the_letter_downloaded_from_an_english_page_is_the_chinese_letter(
    client, partial_reply, clerk
):
    partial_reply.issue_letter(clerk, D(2025, 3, 11))
    code = "CODE"
    partial_reply.query_code_hash = make_password(code)
    partial_reply.save()
    codes = {"tracking_number": partial_reply.tracking_number, "query_code": code}
    docx = client.post("/en/apply/status/", {**codes, "letter": "docx"})
    text = text_of(docx.content)
    assert "答复类型：部分公开" in text and "2025年3月11日" not in text
    assert "2025年3月10日" in text


def test_the_demo_townships_letters_name_the_county_government_and_court(db):
    township = Organisation.objects.create(**demo_content.TOWNSHIP)
    assert "向友谊县人民政府申请行政复议" in remedy(township)
    assert "向友谊县人民法院提起行政诉讼" in remedy(township)
