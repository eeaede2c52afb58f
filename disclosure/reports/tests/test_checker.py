"""One checker for the admin, the upload and the command: the level of the organisation (as
recorded, or as its name says), the report's text (R6), last year's workbook (R5, R8)."""

from io import BytesIO

import pytest
from django.core.management.base import CommandError
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from disclosure.catalogue.models import Organisation
from disclosure.reports.rules import levels
from disclosure.reports.tests.checking import CARRIED_IN, run, workbook_file
from disclosure.reports.tests.factories import (
    ORGANISATION,
    consistent_report,
    make_index,
    make_report,
)
from disclosure.reports.workbook import xlsx
from disclosure.statutory import tables as t
from gongkai.pdf import html_to_pdf

NEW_TOTAL = xlsx.cell_addresses(t.TABLE_B_2021)[("new", "total")]
REGULATIONS = xlsx.cell_addresses(t.TABLE_A_2021)[("regulations", "issued")]


@pytest.mark.parametrize(
    ("name", "level"),
    [
        ("友谊县友谊镇人民政府", "township"),
        ("友谊镇", "township"),
        ("某县东湖镇政府", "township"),
        ("东湖街道", "township"),
        ("武汉市武昌区东湖街道办事处", "township"),
        ("某旗巴彦苏木", "township"),
        ("某旗巴彦苏木人民政府", "township"),
        ("某县某某民族乡人民政府", "township"),
        ("友谊县友谊镇人民政府综合办公室", "township"),
        ("友谊县人民政府", "county"),
        ("上海市杨浦区人民政府", "county"),
        ("某某旗人民政府", "county"),
        ("嘉兴市人民政府", "city"),
        ("浙江省人民政府", "province"),
        ("北京市人民政府", "province"),
        ("新疆维吾尔自治区人民政府", "province"),
        ("友谊县人民政府办公室", "department"),
        ("上海市普陀区信访办公室", "department"),
        ("保康县农业农村局", "department"),
        ("某县住房和城乡建设局", "department"),  # 城乡 is not a 乡
        ("某某研究会", ""),
        ("", ""),
    ],
)
def test_the_level_a_name_says(name, level):
    assert levels.level_from_name(name) == level


def with_regulation():
    values = consistent_report()
    values["table_a"]["regulations"].update(issued=1, in_force=1)
    return values


@pytest.mark.django_db
def test_the_level_comes_from_the_organisation_the_workbook_names(tmp_path):
    path = workbook_file(tmp_path, with_regulation(), organisation="某县东湖镇人民政府", year=2024)
    out, code = run(path)
    assert code == 0  # R9 is a warning
    assert "公开主体：某县东湖镇人民政府（层级：乡镇、街道）" in out
    assert f"R9 警告 表一 {REGULATIONS}:" in out
    out, _code = run(path, "--level", "city")
    assert "R9" not in out


@pytest.mark.django_db
def test_a_recorded_level_beats_the_name(tmp_path):
    Organisation.objects.create(name="某县便民服务中心", level="township")
    path = workbook_file(tmp_path, with_regulation(), organisation="某县便民服务中心")
    out, _code = run(path)
    assert "R9 警告" in out


@pytest.mark.django_db
def test_without_an_organisation_r9_is_not_checked_and_says_so(tmp_path):
    out, code = run(workbook_file(tmp_path, with_regulation()))
    assert code == 0 and "R9" not in out.replace("未检查 R9", "")
    assert "说明：工作簿未注明公开主体或无法从名称判断层级，未检查 R9" in out
    assert "说明：未提供上年工作簿（--previous），未检查 R5、R8。" in out
    assert "说明：未提供报告正文（--text），未检查 R6。" in out


@pytest.mark.django_db
def test_last_years_workbook_checks_r5_and_r8(tmp_path):
    last = consistent_report()
    last["table_b"]["carried_out"].update(natural=2, total=2)  # this year carries in 1
    last["table_b"]["new"].update(natural=4, total=4)
    last["table_b"]["granted"].update(natural=1, total=1)
    last["table_b"]["result_total"].update(natural=2, total=2)
    last["table_a"]["normative"]["in_force"] = 9  # this year: 9 + 2 − 1 ≠ 5
    previous = workbook_file(tmp_path, last, year=2023, name="last.xlsx")
    this = workbook_file(tmp_path, year=2024)
    out, code = run(this, "--previous", previous)
    assert code == 1
    assert f"R5 错误 表二 {CARRIED_IN}:" in out
    assert "R8 警告 表一" in out
    assert "未检查 R5" not in out


@pytest.mark.django_db
def test_a_previous_workbook_of_the_wrong_year_is_a_warning(tmp_path):
    previous = workbook_file(tmp_path, year=2021, name="last.xlsx")
    out, _code = run(workbook_file(tmp_path, year=2024), "--previous", previous)
    assert "上年工作簿注明的年度是 2021，而本工作簿是 2024 年度" in out


STATES_17 = "区政府办代表区政府受理政府信息公开申请17件。"


def text_file(tmp_path, kind):
    if kind == "txt":
        path = tmp_path / "report.txt"
        path.write_text(f"一、总体情况\n{STATES_17}\n", encoding="utf-8")
    elif kind == "gbk.txt":
        path = tmp_path / "report-gbk.txt"
        path.write_bytes(f"一、总体情况\n{STATES_17}\n".encode("gb18030"))
    elif kind == "docx":
        path = tmp_path / "report.docx"
        document = Document()
        document.add_paragraph("一、总体情况")
        document.add_paragraph(STATES_17)
        table = document.add_table(rows=1, cols=2)  # a table row is not prose
        table.cell(0, 0).text, table.cell(0, 1).text = "受理政府信息公开申请", "3件"
        document.save(path)
    else:
        path = tmp_path / "report.pdf"
        path.write_bytes(
            html_to_pdf(
                "<html><body style=\"font-family: 'Noto Serif CJK SC'\">"
                f"<h2>一、总体情况</h2><p>{STATES_17}</p></body></html>"
            )
        )
    return path


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["txt", "gbk.txt", "docx", "pdf"])
def test_the_text_is_checked_against_the_tables(tmp_path, kind):
    out, code = run(workbook_file(tmp_path), "--text", text_file(tmp_path, kind))
    assert code == 0  # R6 is a warning
    assert f"R6 警告 表二 {NEW_TOTAL}:" in out and "= 17" in out and "= 3" in out
    assert "未检查 R6" not in out


@pytest.mark.django_db
def test_an_unreadable_text_file_is_refused_clearly(tmp_path):
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a word document")
    with pytest.raises(CommandError, match=r"无法读取文件“broken\.docx”"):
        run(workbook_file(tmp_path), "--text", broken)


# ---------------------------------------------------------------- the page and the upload
@pytest.mark.django_db
def test_the_page_uses_the_recorded_level(tmp_path):
    index = make_index(name="某县便民服务中心")  # a name that says no level
    Organisation.objects.filter(name="某县便民服务中心").update(level="township")
    values = with_regulation()
    page = make_report(index, 2024, tables={k: (t.FORMAT_2021, v) for k, v in values.items()})
    page = type(page).objects.get(pk=page.pk)
    assert "R9" in {f.rule for f in page.findings()}


@pytest.mark.django_db
def test_the_export_names_its_organisation_and_year_and_checks_as_a_township(client, tmp_path):
    index = make_index(name="某县东湖镇人民政府")
    page = make_report(index, 2024)
    response = client.get(page.url + "xlsx/")
    book = load_workbook(BytesIO(response.content))
    info = book[xlsx.INFO_SHEET]
    assert (info["A1"].value, info["B1"].value) == ("公开主体", "某县东湖镇人民政府")
    assert (info["A2"].value, info["B2"].value) == ("报告年度", 2024)
    path = tmp_path / "download.xlsx"
    path.write_bytes(response.content)
    out, code = run(path)
    assert code == 0 and "（层级：乡镇、街道）" in out and "未检查 R9" not in out


@pytest.mark.django_db
def test_the_upload_checks_the_year_and_the_text_of_the_page(admin_client, tmp_path):
    index = make_index()
    make_report(index, 2023)
    page = make_report(index, 2024, publish=False)
    latest = page.latest_revision_id
    path = workbook_file(tmp_path, year=2023)
    with path.open("rb") as upload:
        response = admin_client.post(
            reverse("reports:upload", args=[page.pk]), {"workbook": upload}
        )
    html = response.content.decode()
    assert response.status_code == 200 and "报告年度是 2023，应为 2024" in html
    page.refresh_from_db()
    assert page.latest_revision_id == latest
    values = consistent_report()
    values["table_c"]["cases"].update(review_upheld=2, review_total=2)  # the text says 1
    path = workbook_file(tmp_path, values, organisation=ORGANISATION, year=2024)
    with path.open("rb") as upload:
        response = admin_client.post(
            reverse("reports:upload", args=[page.pk]), {"workbook": upload}, follow=True
        )
    messages = [str(m) for m in response.context["messages"]]
    # R6: "收到行政复议 1 件" vs 表三 2 (read since its sentence follows one about information
    # requests, as 攸县's "发生行政复议1件" does), and R8 on 表一
    assert any("2 条提示" in m for m in messages)


# ---------------------------------------------------------------- R6 reads the report's year
LAST_AND_THIS_YEAR = (
    "<p>2023年共收到政府信息公开申请17件。</p><p>2024年共收到政府信息公开申请3件。</p>"
)


@pytest.mark.django_db
def test_the_command_compares_the_text_of_the_workbooks_year_only(tmp_path):
    """The year is the workbook's 报告年度: 2023's 17 is not compared in the 2024 report."""
    text = tmp_path / "report.txt"
    text.write_text(
        "三、收到和处理政府信息公开申请情况\n2023年共收到政府信息公开申请17件。\n"
        "2024年共收到政府信息公开申请3件。\n",
        encoding="utf-8",
    )
    out, code = run(workbook_file(tmp_path, year=2024), "--text", text)
    assert code == 0 and "R6" not in out, out
    out, code = run(workbook_file(tmp_path, year=2023, name="r2023.xlsx"), "--text", text)
    assert f"R6 警告 表二 {NEW_TOTAL}:" in out and "= 17" in out


@pytest.mark.django_db
def test_the_upload_compares_the_text_of_the_pages_year_only(admin_client, tmp_path):
    from disclosure.reports.filling.page_body import report_body
    from disclosure.reports.tests.factories import SECTION_TEXT, AnnualReportPageFactory

    sections = {**SECTION_TEXT, "3": LAST_AND_THIS_YEAR}
    tables = {key: (t.FORMAT_2021, v) for key, v in consistent_report().items()}
    page = AnnualReportPageFactory(
        parent=make_index(), year=2024, live=False, body=report_body(sections, tables)
    )
    page.save_revision()
    assert [f.rule for f in page.findings()] == []  # the admin: 2023's 17 is not compared
    with workbook_file(tmp_path, organisation=ORGANISATION, year=2024).open("rb") as upload:
        response = admin_client.post(
            reverse("reports:upload", args=[page.pk]), {"workbook": upload}, follow=True
        )
    messages = [str(m) for m in response.context["messages"]]
    assert not any("条提示" in m for m in messages), messages  # no R6 warning
