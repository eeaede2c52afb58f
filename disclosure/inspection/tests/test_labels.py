"""Every output names an indicator's status as docs/domain.md (the quarterly website inspection)
does: 单项否决 for a veto item that fails, 扣分 for a deduction item with problems, 提醒 for
problems that do not fail yet (below a veto threshold, a column about to go past its cadence,
a hidden second root); and a finding's mark says which of 即将超期 or 提醒 it is."""

import json
from contextlib import suppress
from io import BytesIO, StringIO

from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import Page

from disclosure.catalogue.tests.factories import (
    DisclosureIndexPageFactory,
    PolicyDocumentPageFactory,
)
from disclosure.inspection.snapshots import refresh_inspections

from .helpers import column, item


def command_output(organisation, *args):
    out = StringIO()
    with suppress(SystemExit):  # a veto exits 1
        call_command("inspect_site", "--organisation", organisation.name, *args, stdout=out)
    return out.getvalue()


def xlsx(client, url):
    book = load_workbook(BytesIO(client.get(url).content))
    rows = {}
    for name in ("检查结果", "问题清单"):
        sheet = book[name]
        header = [cell.value for cell in sheet[1]]
        rows[name] = [
            dict(zip(header, row, strict=True))
            for row in sheet.iter_rows(min_row=2, values_only=True)
        ]
    return rows


def test_each_status_is_labelled_as_the_indicators_name_it_everywhere(client, office):
    township = office["township"]
    notices = office["columns"][1]
    item(notices, days=1)  # the home page is updated
    PolicyDocumentPageFactory(parent=notices, title="未解读的办法", kind="normative")  # 扣分
    for n in range(5):
        column(office["root"], f"空栏目{n}")  # 空白栏目: 单项否决
    news = column(office["root"], "工作动态")
    item(news, days=10)  # 即将超期: 提醒
    expected = {"interpretations": "扣分", "blank_columns": "单项否决", "stale_columns": "提醒"}
    names = {}

    text = command_output(township)
    for code, label in expected.items():
        (indicator,) = [
            i
            for i in json.loads(command_output(township, "--json"))["indicators"]
            if i["code"] == code
        ]
        assert indicator["status_label"] == label
        names[code] = indicator["name"]
        assert f"[{label}] {indicator['name']}：" in text

    refresh_inspections()
    client.force_login(office["users"]["admin"])
    report = client.get(reverse("inspection:organisation", args=[township.pk])).content.decode()
    for code, label in expected.items():
        assert f"<h2>{names[code]}：{label}</h2>" in report
    overview = client.get(reverse("inspection:overview")).content.decode()
    (row,) = [row for row in overview.split("<tr") if f">{township.name}<" in row]
    for code, label in expected.items():
        cell = row.split(f'data-indicator="{code}"')[1].split("</td>")[0]
        assert cell.split(">", 1)[1].removeprefix("<strong>").startswith(label)
    summary = xlsx(client, reverse("inspection:organisation_xlsx", args=[township.pk]))["检查结果"]
    states = {row["指标"]: row["状态"] for row in summary}
    kinds = {row["指标"]: row["类别"] for row in summary}
    for code, label in expected.items():
        assert states[names[code]] == label
    assert kinds[names["interpretations"]] == "扣分"
    assert kinds[names["blank_columns"]] == "单项否决"


def test_a_hidden_second_root_is_a_reminder_not_a_column_about_to_go_stale(client, office):
    township = office["township"]
    item(office["columns"][1], days=1)
    second = DisclosureIndexPageFactory(
        title="友谊镇旧版信息公开", slug="old-xxgk", organisation=township
    )
    Page.objects.filter(pk=second.pk).update(live=False)

    (line,) = [line for line in command_output(township).splitlines() if "旧版" in line]
    assert line.strip().startswith("提醒 ")
    assert "即将" not in line
    (indicator,) = [
        i
        for i in json.loads(command_output(township, "--json"))["indicators"]
        if i["code"] == "home_not_updated"
    ]
    (finding,) = indicator["findings"]
    assert finding["notice"] and not finding["upcoming"]

    refresh_inspections()
    client.force_login(office["users"]["admin"])
    report = client.get(reverse("inspection:organisation", args=[township.pk])).content.decode()
    (entry,) = [li for li in report.split("<li>") if "旧版" in li]
    assert "【提醒】" in entry and "即将超期" not in entry
    details = xlsx(client, reverse("inspection:organisation_xlsx", args=[township.pk]))
    (row,) = [row for row in details["问题清单"] if row["页面"] == second.title]
    assert row["标记"] == "提醒"
