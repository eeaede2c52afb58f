"""The workbook's 报告信息 sheet: its 报告年度 read in every form offices write it (2023, 2023年,
二〇二三, full-width digits) and checked against the report; the sheet missing, renamed or
duplicated is an error naming it; a 公开主体 other than the report's organisation is a warning the
editor sees, naming both."""

from io import BytesIO, StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from disclosure.reports.rules import years
from disclosure.reports.tests.factories import consistent_report, make_index, make_report
from disclosure.reports.workbook import xlsx
from disclosure.statutory import tables as t


def workbook_bytes(change=None, organisation="", year=2024):
    tables = {key: (t.table(t.FORMAT_2021, key), v) for key, v in consistent_report().items()}
    book = xlsx.workbook(tables, organisation=organisation, year=year)
    if change:
        change(book)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def with_year(written):
    def change(book):
        book[xlsx.INFO_SHEET]["B2"] = written

    return change


def check(tmp_path, content):
    """The command's output and exit code on a workbook of ``content``."""
    path = tmp_path / "report.xlsx"
    path.write_bytes(content)
    out = StringIO()
    try:
        call_command("check_annual_report", str(path), stdout=out)
        code = 0
    except SystemExit as exited:
        code = exited.code
    return out.getvalue(), code


# ---------------------------------------------------------------- the year, as written
@pytest.mark.parametrize(
    "written",
    [
        2023,
        2023.0,
        "2023",
        " 2023 ",
        "2023年",
        "2023年度",
        "2023 年度",
        "二〇二三",
        "二〇二三年",
        "二零二三年度",
        "２０２３",
        "２０２３年",
        # the zero typed with a look-alike (the re-try typed ○, U+25CB WHITE CIRCLE)
        "二○二三",
        "二○二三年度",
        "二◯二三年",
        "二⚪二三",
        "二Ｏ二三",
        "二O二三年",
        "二o二三",
        "二Ο二三",  # Greek
        "二О二三",  # Cyrillic
        "二0二三",
        "二０二三",
        " 二 ○ 二 三 年 ",
    ],
)
def test_the_year_is_read_in_every_form_offices_write_it(written):
    assert years.read_year(written) == 2023
    reading = xlsx.read(BytesIO(workbook_bytes(with_year(written))))
    assert reading.year == 2023 and reading.problems == []


@pytest.mark.parametrize(
    "written",
    ["去年", "2023-2024", "23", "二〇二", "2023.5", True, "１２３", "二OOOO", "OOOO", "二○二"],
)
def test_a_year_that_is_no_year_is_an_error_naming_its_cell(tmp_path, written):
    assert years.read_year(written) is None
    out, code = check(tmp_path, workbook_bytes(with_year(written)))
    assert code == 1
    assert f"版式 错误 {xlsx.INFO_SHEET} B2: " in out and "报告年度" in out


def test_a_blank_year_is_not_an_error(tmp_path):
    out, code = check(tmp_path, workbook_bytes(year=None))
    assert code == 0 and "共 0 个错误" in out


@pytest.mark.django_db
@pytest.mark.parametrize("written", ["二〇二三", "2023年", "２０２３"])
def test_the_upload_checks_a_year_written_in_words_against_the_report(admin_client, written):
    page = make_report(make_index(), 2024, publish=False)
    latest = page.latest_revision_id
    upload = SimpleUploadedFile("统计表.xlsx", workbook_bytes(with_year(written)))
    response = admin_client.post(reverse("reports:upload", args=[page.pk]), {"workbook": upload})
    assert response.status_code == 200
    html = response.content.decode()
    assert "报告年度是 2023，应为 2024" in html and "未写入报告" in html
    page.refresh_from_db()
    assert page.latest_revision_id == latest


def test_the_previous_workbooks_year_in_words_is_compared_too(tmp_path):
    last = tmp_path / "last.xlsx"
    last.write_bytes(workbook_bytes(with_year("二〇二一年")))
    this = tmp_path / "this.xlsx"
    this.write_bytes(workbook_bytes(with_year("2024年")))
    out = StringIO()
    call_command("check_annual_report", str(this), "--previous", str(last), stdout=out)
    assert "上年工作簿注明的年度是 2021，而本工作簿是 2024 年度" in out.getvalue()


# ---------------------------------------------------------------- the sheet itself
def test_a_deleted_info_sheet_is_an_error_naming_it(tmp_path):
    out, code = check(tmp_path, workbook_bytes(lambda book: book.remove(book[xlsx.INFO_SHEET])))
    assert code == 1
    assert f"版式 错误 {xlsx.INFO_SHEET}: 缺少工作表“{xlsx.INFO_SHEET}”" in out
    assert "共 1 个错误" in out


def test_a_renamed_info_sheet_is_an_error_naming_it_and_is_still_read(tmp_path):
    def rename(book):
        book[xlsx.INFO_SHEET].title = "Sheet4"

    content = workbook_bytes(rename, year=2024)
    out, code = check(tmp_path, content)
    assert code == 1
    assert f"版式 错误 Sheet4: 工作表“Sheet4”看来是{xlsx.INFO_SHEET}" in out
    assert f"缺少工作表“{xlsx.INFO_SHEET}”" not in out
    assert xlsx.read(BytesIO(content)).year == 2024


def test_an_info_sheet_named_with_a_suffix_is_an_error_naming_it(tmp_path):
    def rename(book):
        book[xlsx.INFO_SHEET].title = "报告信息 (2)"

    out, code = check(tmp_path, workbook_bytes(rename))
    assert code == 1
    # not the statutory name (no prefix match): found by its two labels, under another name
    assert (
        f"版式 错误 报告信息 (2): 工作表“报告信息 (2)”看来是{xlsx.INFO_SHEET}，"
        f"但工作表名应为“{xlsx.INFO_SHEET}”"
    ) in out


def test_a_duplicated_info_sheet_is_an_error_naming_both(tmp_path):
    def duplicate(book):
        book.copy_worksheet(book[xlsx.INFO_SHEET]).title = "报告信息 (2)"

    out, code = check(tmp_path, workbook_bytes(duplicate))
    assert code == 1
    assert f"{xlsx.INFO_SHEET} 有 2 个工作表：“{xlsx.INFO_SHEET}”、“报告信息 (2)”" in out


@pytest.mark.django_db
def test_the_upload_refuses_a_workbook_without_its_info_sheet(admin_client):
    page = make_report(make_index(), 2024, publish=False)
    latest = page.latest_revision_id
    content = workbook_bytes(lambda book: book.remove(book[xlsx.INFO_SHEET]))
    upload = SimpleUploadedFile("统计表.xlsx", content)
    response = admin_client.post(reverse("reports:upload", args=[page.pk]), {"workbook": upload})
    assert response.status_code == 200
    assert f"缺少工作表“{xlsx.INFO_SHEET}”" in response.content.decode()
    page.refresh_from_db()
    assert page.latest_revision_id == latest


# ---------------------------------------------------------------- the organisation
@pytest.mark.django_db
def test_a_workbook_of_another_organisation_is_refused_naming_both(admin_client):
    page = make_report(make_index(name="某县东湖镇人民政府"), 2024, publish=False)
    latest = page.latest_revision_id
    upload = SimpleUploadedFile("统计表.xlsx", workbook_bytes(organisation="某县西湖镇人民政府"))
    response = admin_client.post(
        reverse("reports:upload", args=[page.pk]), {"workbook": upload}, follow=True
    )
    html = response.content.decode()
    assert "工作簿注明的公开主体是“某县西湖镇人民政府”，而本报告属于“某县东湖镇人民政府”" in html
    assert "不能填入本报告" in html and f"“{xlsx.INFO_SHEET}” B1" in html
    page.refresh_from_db()
    assert page.latest_revision_id == latest  # nothing written


@pytest.mark.django_db
def test_the_organisation_warning_is_shown_beside_the_errors_too(admin_client):
    page = make_report(make_index(name="某县东湖镇人民政府"), 2024, publish=False)
    content = workbook_bytes(with_year("2023"), organisation="某县西湖镇人民政府")
    upload = SimpleUploadedFile("统计表.xlsx", content)
    response = admin_client.post(reverse("reports:upload", args=[page.pk]), {"workbook": upload})
    html = response.content.decode()
    assert "报告年度是 2023，应为 2024" in html
    assert "工作簿注明的公开主体是“某县西湖镇人民政府”，而本报告属于“某县东湖镇人民政府”" in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "written", ["某县东湖镇人民政府", " 某县东湖镇人民政府 ", "某县东湖镇 人民政府"]
)
def test_the_reports_own_organisation_gives_no_warning(admin_client, written):
    page = make_report(make_index(name="某县东湖镇人民政府"), 2024, publish=False)
    upload = SimpleUploadedFile("统计表.xlsx", workbook_bytes(organisation=written))
    response = admin_client.post(
        reverse("reports:upload", args=[page.pk]), {"workbook": upload}, follow=True
    )
    assert response.status_code == 200 and "公开主体是" not in response.content.decode()


# ---------------------------------------------------------------- beyond its two lines
def test_content_beyond_the_info_lines_is_named(tmp_path):
    def beside(book):
        book[xlsx.INFO_SHEET]["C1"] = "联系人：张三"
        book[xlsx.INFO_SHEET]["A4"] = "本年新收"
        book[xlsx.INFO_SHEET]["B4"] = 95

    out, code = check(tmp_path, workbook_bytes(beside))
    assert code == 0  # a warning
    line = next(line for line in out.splitlines() if "还有内容" in line)
    assert f"警告 {xlsx.INFO_SHEET} C1:" in line and "还有内容：C1、A4、B4。" in line


def test_the_info_lines_alone_give_no_warning(tmp_path):
    out, code = check(tmp_path, workbook_bytes())
    assert code == 0 and "还有内容" not in out and "共 0 个错误，0 个警告" in out
