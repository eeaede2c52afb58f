"""The printable 审批单 and the audit log export."""

import csv
import io

from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from tests.fixtures import DEMO_PER_MODULE

from .helpers import FULL_CHECKLIST, act, draft_item, fresh, submit

pytestmark = DEMO_PER_MODULE


def test_review_record_lists_every_step_with_checklist(client, office, column):
    users = office["users"]
    page = draft_item(column, users["editor"], title="审批单测试稿")
    submit(page, users["editor"])
    act(page, users["reviewer"], "reject", comment="请补充收费依据。")
    fresh(page).current_workflow_state.resume(user=users["editor"])
    act(page, users["reviewer"], "approve", comment="同意。")
    act(page, users["secrecy"], "approve", **FULL_CHECKLIST)
    act(page, users["leader"], "approve")

    client.force_login(users["leader"])
    html = client.get(reverse("moderation:review_record", args=[page.pk])).content.decode()
    expected = ["请补充收费依据。", "退回修改", "同意。", "☑ 不涉及国家秘密", "终审", "已发布"]
    assert [text for text in expected if text not in html] == []
    history = client.get(reverse("wagtailadmin_pages:history", args=[page.pk])).content.decode()
    assert reverse("moderation:review_record", args=[page.pk]) in history

    response = client.get(reverse("moderation:review_record_pdf", args=[page.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(response.content)).pages)
    assert "审批单" in text and "请补充收费依据" in text

    client.force_login(users["outsider"])
    assert client.get(reverse("moderation:review_record", args=[page.pk])).status_code in {
        302,
        403,
        404,
    }


def test_audit_export_filters_by_organisation_user_and_date(client, office, column):
    users = office["users"]
    page = draft_item(column, users["editor"], title="审计测试稿")
    submit(page, users["editor"])
    act(page, users["reviewer"], "approve")
    url = reverse("moderation:audit_export")

    client.force_login(users["admin"])
    organisation = office["root"].organisation
    response = client.get(
        url, {"organisation": organisation.pk, "user": users["reviewer"].pk, "format": "csv"}
    )
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert lines[0][:3] == ["时间", "操作人", "操作"]
    assert lines[1:] and all(row[1] == str(users["reviewer"]) for row in lines[1:])
    assert any(row[3] == "审计测试稿" for row in lines[1:])

    county = office["county_root"].organisation
    response = client.get(url, {"organisation": county.pk, "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert all(row[3] != "审计测试稿" for row in sheet.iter_rows(min_row=2, values_only=True))

    response = client.get(url, {"since": "2999-01-01", "format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == 1  # header only

    client.force_login(users["editor"])
    assert client.get(url).status_code in {302, 403, 404}


def test_audit_export_keeps_a_hostile_title_as_text(client, office, column):
    users = office["users"]
    title = '=HYPERLINK("http://example.invalid/","点此")'
    page = draft_item(column, users["editor"], title=title)
    submit(page, users["editor"])
    url = reverse("moderation:audit_export")
    client.force_login(users["admin"])

    response = client.get(url, {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [row[3] for row in sheet.iter_rows(min_row=2) if row[3].value == title]
    assert cells and all(cell.data_type == "s" for cell in cells)

    response = client.get(url, {"format": "csv"})
    lines = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert "'" + title in [row[3] for row in lines[1:]]
    assert title not in [row[3] for row in lines[1:]]
